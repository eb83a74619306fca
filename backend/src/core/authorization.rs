//! The one place that decides who may do what to which record.
//!
//! Every handler asks [`authorize`] before acting; object-level checks (a
//! trainee sees only their own records, an officer only their region's) are
//! decided here from the resource's owner and region.

use malanhua_shared::{InstitutionId, RegionCode, Role, SessionId, UserId};

/// A role as held by one person, with its scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant {
    /// 学员
    Trainee,
    /// Staff of one institution.
    InstitutionStaff {
        /// The institution's id.
        institution_id: InstitutionId,
        /// Where the institution is registered.
        region: RegionCode,
    },
    /// 创业导师
    Mentor,
    /// An officer of a bureau acting for a region and its sub-regions.
    BureauOfficer {
        /// The bureau's region.
        region: RegionCode,
    },
    /// System administrator.
    Admin,
}

impl Grant {
    /// The role of this grant.
    pub fn role(&self) -> Role {
        match self {
            Self::Trainee => Role::Trainee,
            Self::InstitutionStaff { .. } => Role::InstitutionStaff,
            Self::Mentor => Role::Mentor,
            Self::BureauOfficer { .. } => Role::BureauOfficer,
            Self::Admin => Role::Admin,
        }
    }
}

/// The signed-in person making a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Their account.
    pub user_id: UserId,
    /// The session the token belongs to.
    pub session_id: SessionId,
    /// Every role they hold.
    pub grants: Vec<Grant>,
}

impl Actor {
    /// True when they hold the role.
    pub fn has(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role() == role)
    }

    /// The region of their (first) bureau grant, if they are an officer.
    pub fn officer_region(&self) -> Option<&RegionCode> {
        self.grants.iter().find_map(|g| match g {
            Grant::BureauOfficer { region } => Some(region),
            _ => None,
        })
    }

    /// True when one of their bureau grants covers the region.
    pub fn officer_for(&self, region: &RegionCode) -> bool {
        self.grants.iter().any(|g| matches!(g, Grant::BureauOfficer { region: own } if own.contains(region)))
    }
}

/// What the actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read a person's account details.
    ViewUser,
    /// Change a person's real-name profile.
    EditProfile,
    /// Create a bureau officer account for a region.
    CreateBureauAccount,
    /// Create an institution and a staff account in a region.
    CreateInstitutionAccount,
    /// List staff accounts (admins: all; officers: institutions of their region).
    ListStaffAccounts,
    /// Set a region's course policy.
    EditPolicy,
    /// Set or clear a day of the working-day calendar (administrators).
    EditCalendar,
    /// Add or list an institution's trainers.
    ManageTrainers,
    /// File an opening request for an institution.
    FileClass,
    /// Approve or reject an opening request.
    DecideClass,
    /// Call a class off.
    CancelClass,
    /// See a class that is not (yet) public, with its roster.
    ViewClassInternals,
    /// Take a seat in a class.
    Enrol,
    /// Take attendance, record results and submit completion for an institution's class.
    RunClass,
    /// Approve a class's completion (which issues certificates).
    DecideCompletion,
    /// Revoke a certificate issued in a region.
    RevokeCertificate,
    /// Set a region's subsidy policy.
    EditSubsidyPolicy,
    /// Review, approve, publish, pay, return or reject a claim of a region,
    /// resolve objections, and verify priority-group declarations.
    DecideClaim,
    /// File the institution's batch of claims for one of its classes.
    FileBatchClaim,
    /// File a claim paid to its trainee: only that trainee may (admins too
    /// are refused, since they are not the payee).
    FileOwnClaim,
    /// Read a claim: its trainee, the institution's staff, the region's officers.
    ViewClaim,
    /// Admit, refuse, suspend, reinstate or remove a region's mentors, see
    /// their evaluations, and set the region's mentor-library policy.
    DecideMentor,
    /// Act as a mentor on their own record (profile, availability, answers,
    /// records), or as the region's officer on the mentor's behalf.
    ActAsMentor,
    /// Book a mentor or join a group session (any trainee account).
    BookMentor,
    /// Decide a person's deletion request (officers of the home region
    /// recorded when asked; administrators for people who gave none), and
    /// bind a resident ID to its rightful account.
    HandlePersonalData,
    /// Read a region's statistics (officers of the region; administrators
    /// anywhere, and the whole country).
    ViewStatistics,
    /// List the region's entitled-but-unserved people and notify them
    /// (政策找人): officers of the region.
    ReachOut,
}

impl Action {
    /// The powers of system administration, which admins hold everywhere.
    pub fn is_administration(self) -> bool {
        matches!(
            self,
            Self::ViewUser
                | Self::EditProfile
                | Self::CreateBureauAccount
                | Self::CreateInstitutionAccount
                | Self::ListStaffAccounts
                | Self::EditCalendar
        )
    }
}

/// What the action is done to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource<'a> {
    /// A person's account, with their home region if known.
    User {
        /// Whose account.
        id: &'a UserId,
        /// Their home region.
        region: Option<&'a RegionCode>,
    },
    /// Something scoped to a region (a new account, a list).
    Region(&'a RegionCode),
    /// An institution, with the region it is registered in.
    Institution {
        /// Its id.
        id: &'a InstitutionId,
        /// Its region.
        region: &'a RegionCode,
    },
    /// A subsidy claim: its trainee, the institution that ran the class and its region.
    Claim {
        /// The certified trainee.
        trainee: &'a UserId,
        /// The institution (training claims).
        institution: Option<&'a InstitutionId>,
        /// The claim's region.
        region: &'a RegionCode,
    },
    /// The whole system.
    System,
}

/// Why access was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// The actor lacks the role the action needs.
    MissingRole,
    /// The actor has the role but not for this region.
    OutsideRegion,
    /// The record belongs to someone else.
    NotOwner,
    /// The request is the actor's own (filed by them or about them):
    /// another officer decides it.
    OwnMatter,
}

/// Separation of duties for one decision: nobody decides a request they
/// filed or that is about them (a deletion request, a standard they
/// proposed, a correction of their own record).
pub fn not_own(actor: &Actor, filed_by_or_about: &UserId) -> Result<(), Denied> {
    if &actor.user_id == filed_by_or_about { Err(Denied::OwnMatter) } else { Ok(()) }
}

/// Decides one access. Admins may do administration anywhere; the rest is per action.
pub fn authorize(actor: &Actor, action: Action, resource: &Resource<'_>) -> Result<(), Denied> {
    if let (Action::FileOwnClaim, Resource::User { id, .. }) = (action, resource) {
        return if *id == &actor.user_id { Ok(()) } else { Err(Denied::NotOwner) };
    }
    // Administration (accounts and people) is the admin's power; bureau
    // decisions are not: an admin who must decide holds an officer role of
    // a region, and is held to its region and to separation of duties.
    if actor.has(Role::Admin) && action.is_administration() {
        return Ok(());
    }
    match (action, resource) {
        (Action::ViewUser, Resource::User { id, region }) => {
            if *id == &actor.user_id {
                Ok(())
            } else if !actor.has(Role::BureauOfficer) {
                Err(Denied::NotOwner)
            } else if region.is_some_and(|r| actor.officer_for(r)) {
                Ok(())
            } else {
                Err(Denied::OutsideRegion)
            }
        }
        (Action::EditProfile, Resource::User { id, .. }) => {
            if *id == &actor.user_id {
                Ok(())
            } else {
                Err(Denied::NotOwner)
            }
        }
        (Action::CreateInstitutionAccount | Action::ListStaffAccounts, Resource::Region(region)) => {
            officer_in(actor, region)
        }
        (Action::ListStaffAccounts, Resource::System) => {
            if actor.has(Role::BureauOfficer) {
                Ok(())
            } else {
                Err(Denied::MissingRole)
            }
        }
        (Action::EditPolicy | Action::DecideClass, Resource::Region(region)) => officer_in(actor, region),
        (Action::ManageTrainers | Action::FileClass | Action::RunClass, Resource::Institution { id, .. }) => {
            staff_of(actor, id)
        }
        (
            Action::DecideCompletion | Action::RevokeCertificate | Action::EditSubsidyPolicy | Action::DecideClaim,
            Resource::Region(region),
        ) => officer_in(actor, region),
        (Action::FileBatchClaim, Resource::Institution { id, .. }) => staff_of(actor, id),
        (Action::ViewClaim, Resource::Claim { trainee, institution, region }) => {
            if *trainee == &actor.user_id {
                Ok(())
            } else {
                match institution {
                    Some(inst) => staff_of(actor, inst).or_else(|_| officer_in(actor, region)),
                    None => officer_in(actor, region),
                }
            }
        }
        (Action::CancelClass | Action::ViewClassInternals, Resource::Institution { id, region }) => {
            staff_of(actor, id).or_else(|_| officer_in(actor, region))
        }
        (Action::Enrol, Resource::System) => {
            if actor.has(Role::Trainee) {
                Ok(())
            } else {
                Err(Denied::MissingRole)
            }
        }
        (Action::DecideMentor, Resource::Region(region)) => officer_in(actor, region),
        (Action::ActAsMentor, Resource::User { id, region }) => {
            if *id == &actor.user_id {
                Ok(())
            } else {
                region.map_or(Err(Denied::NotOwner), |r| officer_in(actor, r))
            }
        }
        (Action::BookMentor, Resource::System) => {
            if actor.has(Role::Trainee) {
                Ok(())
            } else {
                Err(Denied::MissingRole)
            }
        }
        (Action::HandlePersonalData, Resource::Region(region)) => officer_in(actor, region),
        (Action::HandlePersonalData, Resource::System) => {
            if actor.has(Role::Admin) {
                Ok(())
            } else {
                Err(Denied::MissingRole)
            }
        }
        (Action::ViewStatistics, Resource::Region(region)) => {
            if actor.has(Role::Admin) {
                Ok(())
            } else {
                officer_in(actor, region)
            }
        }
        (Action::ReachOut, Resource::Region(region)) => officer_in(actor, region),
        (Action::ViewStatistics, Resource::System) => {
            if actor.has(Role::Admin) {
                Ok(())
            } else {
                Err(Denied::MissingRole)
            }
        }
        (Action::CreateBureauAccount, _) => Err(Denied::MissingRole),
        // Any other pairing is a permission nobody has.
        _ => Err(Denied::MissingRole),
    }
}

fn staff_of(actor: &Actor, institution: &InstitutionId) -> Result<(), Denied> {
    let mut staff = actor.grants.iter().filter_map(|g| match g {
        Grant::InstitutionStaff { institution_id, .. } => Some(institution_id),
        _ => None,
    });
    match staff.next() {
        None => Err(Denied::MissingRole),
        Some(own) if own == institution => Ok(()),
        Some(_) => Err(Denied::NotOwner),
    }
}

fn officer_in(actor: &Actor, region: &RegionCode) -> Result<(), Denied> {
    if !actor.has(Role::BureauOfficer) {
        Err(Denied::MissingRole)
    } else if actor.officer_for(region) {
        Ok(())
    } else {
        Err(Denied::OutsideRegion)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> RegionCode {
        RegionCode::parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    fn actor(id: &str, grants: Vec<Grant>) -> Actor {
        Actor { user_id: UserId::from_raw(id), session_id: SessionId::from_raw("s"), grants }
    }

    fn officer(region: &str) -> Actor {
        actor("officer", vec![Grant::BureauOfficer { region: code(region) }])
    }

    #[test]
    fn nobody_decides_their_own_request() {
        let a = officer("370200");
        assert_eq!(not_own(&a, &UserId::from_raw("officer")), Err(Denied::OwnMatter));
        assert_eq!(not_own(&a, &UserId::from_raw("someone-else")), Ok(()));
    }

    #[test]
    fn personal_data_requests_go_to_the_home_regions_officers_or_else_the_admins() {
        let qd = code("370200");
        let here = Resource::Region(&qd);
        assert_eq!(authorize(&officer("370200"), Action::HandlePersonalData, &here), Ok(()));
        assert_eq!(authorize(&officer("450000"), Action::HandlePersonalData, &here), Err(Denied::OutsideRegion));
        let admin = actor("a", vec![Grant::Admin]);
        assert_eq!(authorize(&admin, Action::HandlePersonalData, &here), Err(Denied::MissingRole));
        assert_eq!(authorize(&admin, Action::HandlePersonalData, &Resource::System), Ok(()));
        assert_eq!(
            authorize(&officer("370200"), Action::HandlePersonalData, &Resource::System),
            Err(Denied::MissingRole)
        );
    }

    #[test]
    fn a_claim_paid_to_the_trainee_is_filed_by_that_trainee_alone() {
        let trainee = UserId::from_raw("t");
        let own = Resource::User { id: &trainee, region: None };
        assert_eq!(authorize(&actor("t", vec![Grant::Trainee]), Action::FileOwnClaim, &own), Ok(()));
        assert_eq!(authorize(&actor("x", vec![Grant::Trainee]), Action::FileOwnClaim, &own), Err(Denied::NotOwner));
        assert_eq!(authorize(&actor("a", vec![Grant::Admin]), Action::FileOwnClaim, &own), Err(Denied::NotOwner));
        assert_eq!(authorize(&officer("450000"), Action::FileOwnClaim, &own), Err(Denied::NotOwner));
    }

    #[test]
    fn a_claim_is_seen_by_its_trainee_its_institution_and_its_region() {
        let trainee = UserId::from_raw("t");
        let gx = code("450300");
        let inst = InstitutionId::from_raw("inst");
        let claim = Resource::Claim { trainee: &trainee, institution: Some(&inst), region: &gx };
        assert_eq!(authorize(&actor("t", vec![Grant::Trainee]), Action::ViewClaim, &claim), Ok(()));
        assert_eq!(authorize(&actor("x", vec![Grant::Trainee]), Action::ViewClaim, &claim), Err(Denied::MissingRole));
        let staff = actor(
            "s",
            vec![Grant::InstitutionStaff { institution_id: InstitutionId::from_raw("inst"), region: gx.clone() }],
        );
        assert_eq!(authorize(&staff, Action::ViewClaim, &claim), Ok(()));
        assert_eq!(authorize(&officer("450000"), Action::ViewClaim, &claim), Ok(()));
        assert_eq!(authorize(&officer("430100"), Action::ViewClaim, &claim), Err(Denied::OutsideRegion));
        assert_eq!(
            authorize(&officer("430100"), Action::DecideClaim, &Resource::Region(&gx)),
            Err(Denied::OutsideRegion)
        );
        assert_eq!(authorize(&staff, Action::DecideClaim, &Resource::Region(&gx)), Err(Denied::MissingRole));
    }

    #[test]
    fn a_trainee_sees_their_own_account_only() {
        let me = actor("me", vec![Grant::Trainee]);
        let other = UserId::from_raw("other");
        let own = me.user_id.clone();
        assert_eq!(authorize(&me, Action::ViewUser, &Resource::User { id: &own, region: None }), Ok(()));
        assert_eq!(
            authorize(&me, Action::ViewUser, &Resource::User { id: &other, region: None }),
            Err(Denied::NotOwner)
        );
    }

    #[test]
    fn an_officer_sees_people_of_their_region_and_its_sub_regions() {
        let shandong = officer("370000");
        let person = UserId::from_raw("p");
        let laoshan = code("370212");
        let hohhot = code("150100");
        let view = |r| authorize(&shandong, Action::ViewUser, &Resource::User { id: &person, region: r });
        assert_eq!(view(Some(&laoshan)), Ok(()));
        assert_eq!(view(Some(&hohhot)), Err(Denied::OutsideRegion));
        assert_eq!(view(None), Err(Denied::OutsideRegion));
    }

    #[test]
    fn a_city_officer_cannot_act_for_the_province() {
        let qingdao = officer("370200");
        assert_eq!(authorize(&qingdao, Action::CreateInstitutionAccount, &Resource::Region(&code("370212"))), Ok(()));
        assert_eq!(
            authorize(&qingdao, Action::CreateInstitutionAccount, &Resource::Region(&code("370000"))),
            Err(Denied::OutsideRegion)
        );
        assert_eq!(
            authorize(&qingdao, Action::CreateInstitutionAccount, &Resource::Region(&code("370102"))),
            Err(Denied::OutsideRegion)
        );
    }

    #[test]
    fn only_admins_create_bureau_accounts() {
        let beijing = code("110000");
        let resource = Resource::Region(&beijing);
        assert_eq!(authorize(&officer("110000"), Action::CreateBureauAccount, &resource), Err(Denied::MissingRole));
        let admin = actor("admin", vec![Grant::Admin]);
        assert_eq!(authorize(&admin, Action::CreateBureauAccount, &resource), Ok(()));
    }

    #[test]
    fn trainees_and_staff_cannot_create_or_list_accounts() {
        let qingdao = code("370200");
        let staff = actor(
            "s",
            vec![Grant::InstitutionStaff { institution_id: InstitutionId::from_raw("i"), region: qingdao.clone() }],
        );
        let trainee = actor("t", vec![Grant::Trainee]);
        for who in [&staff, &trainee] {
            assert_eq!(
                authorize(who, Action::CreateInstitutionAccount, &Resource::Region(&qingdao)),
                Err(Denied::MissingRole)
            );
            assert_eq!(authorize(who, Action::ListStaffAccounts, &Resource::System), Err(Denied::MissingRole));
        }
    }

    #[test]
    fn staff_act_for_their_own_institution_only() {
        let qingdao = code("370212");
        let staff = actor(
            "s",
            vec![Grant::InstitutionStaff { institution_id: InstitutionId::from_raw("i1"), region: qingdao.clone() }],
        );
        let (i1, i2) = (InstitutionId::from_raw("i1"), InstitutionId::from_raw("i2"));
        let own = Resource::Institution { id: &i1, region: &qingdao };
        let other = Resource::Institution { id: &i2, region: &qingdao };
        assert_eq!(authorize(&staff, Action::FileClass, &own), Ok(()));
        assert_eq!(authorize(&staff, Action::FileClass, &other), Err(Denied::NotOwner));
        assert_eq!(authorize(&staff, Action::ViewClassInternals, &other), Err(Denied::MissingRole));
        assert_eq!(authorize(&staff, Action::DecideClass, &Resource::Region(&qingdao)), Err(Denied::MissingRole));
    }

    #[test]
    fn officers_decide_and_see_classes_of_their_region_but_do_not_file_them() {
        let laoshan = code("370212");
        let i1 = InstitutionId::from_raw("i1");
        let inst = Resource::Institution { id: &i1, region: &laoshan };
        let qingdao = officer("370200");
        assert_eq!(authorize(&qingdao, Action::DecideClass, &Resource::Region(&laoshan)), Ok(()));
        assert_eq!(authorize(&qingdao, Action::ViewClassInternals, &inst), Ok(()));
        assert_eq!(authorize(&qingdao, Action::CancelClass, &inst), Ok(()));
        assert_eq!(authorize(&qingdao, Action::FileClass, &inst), Err(Denied::MissingRole));
        assert_eq!(
            authorize(&officer("150100"), Action::DecideClass, &Resource::Region(&laoshan)),
            Err(Denied::OutsideRegion)
        );
        assert_eq!(
            authorize(&officer("150100"), Action::EditPolicy, &Resource::Region(&laoshan)),
            Err(Denied::OutsideRegion)
        );
    }

    #[test]
    fn trainees_enrol_and_others_need_the_trainee_role() {
        assert_eq!(authorize(&actor("t", vec![Grant::Trainee]), Action::Enrol, &Resource::System), Ok(()));
        assert_eq!(authorize(&officer("110000"), Action::Enrol, &Resource::System), Err(Denied::MissingRole));
    }

    #[test]
    fn nobody_edits_another_persons_profile_except_an_admin() {
        let other = UserId::from_raw("other");
        let res = Resource::User { id: &other, region: None };
        assert_eq!(authorize(&officer("110000"), Action::EditProfile, &res), Err(Denied::NotOwner));
        assert_eq!(authorize(&actor("a", vec![Grant::Admin]), Action::EditProfile, &res), Ok(()));
    }

    #[test]
    fn an_admin_decides_nothing_of_a_bureau_unless_they_hold_its_officer_role() {
        let gx = code("450300");
        let inst = InstitutionId::from_raw("inst");
        let trainee = UserId::from_raw("t");
        let admin = actor("a", vec![Grant::Admin]);
        let region = Resource::Region(&gx);
        for action in [
            Action::DecideClaim,
            Action::DecideClass,
            Action::DecideCompletion,
            Action::RevokeCertificate,
            Action::EditPolicy,
            Action::EditSubsidyPolicy,
        ] {
            assert_eq!(authorize(&admin, action, &region), Err(Denied::MissingRole), "{action:?}");
        }
        let claim = Resource::Claim { trainee: &trainee, institution: Some(&inst), region: &gx };
        assert_eq!(authorize(&admin, Action::ViewClaim, &claim), Err(Denied::MissingRole));
        let class = Resource::Institution { id: &inst, region: &gx };
        assert_eq!(authorize(&admin, Action::CancelClass, &class), Err(Denied::MissingRole));
        assert_eq!(authorize(&admin, Action::RunClass, &class), Err(Denied::MissingRole));
        let both = actor("a", vec![Grant::Admin, Grant::BureauOfficer { region: code("450000") }]);
        assert_eq!(authorize(&both, Action::DecideClaim, &region), Ok(()));
        assert_eq!(
            authorize(&both, Action::DecideClaim, &Resource::Region(&code("430100"))),
            Err(Denied::OutsideRegion)
        );
        assert_eq!(authorize(&admin, Action::CreateBureauAccount, &region), Ok(()));
    }
}
