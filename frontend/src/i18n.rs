//! Every visible string of the app, in Chinese (the default) and English.
//!
//! Plain text goes through [`t`] with a [`Key`]; error and field codes from
//! the API go through [`error_message`] and [`field_message`], which match
//! exhaustively so a new code in `shared` breaks the build until it is
//! translated here.

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use malanhua_shared::api::subsidies::{
    ClaimAction, ClaimStatus, DeclarationStatus, IneligibleReason, ObjectionStatus, Payee, PriorityGroup,
};
use malanhua_shared::course::{ClassMode, ClassStatus, CourseKind, EnrolmentStatus};
use malanhua_shared::password::{MAX_CHARS, MIN_CHARS};
use malanhua_shared::{ErrorCode, FieldCode, Gender, Role};

use crate::time::in_shanghai;

/// The language the interface is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The code kept in local storage.
    pub fn code(self) -> &'static str {
        match self {
            Self::Zh => "zh",
            Self::En => "en",
        }
    }

    /// The language with this storage code, if any.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().trim_matches('"') {
            "zh" | "zh-CN" => Some(Self::Zh),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Self::Zh => "zh-CN",
            Self::En => "en",
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Self::Zh => Self::En,
            Self::En => Self::Zh,
        }
    }
}

/// A translatable piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    // Layout
    /// Product name in the header and titles.
    AppName,
    /// Skip link to the main region.
    SkipToContent,
    /// Label of the main navigation.
    NavLabel,
    /// Navigation: home.
    NavHome,
    /// Navigation: sign in.
    NavLogin,
    /// Navigation: sign up.
    NavRegister,
    /// Navigation: profile.
    NavProfile,
    /// Navigation: administration.
    NavAdmin,
    /// Navigation: sign out.
    NavLogout,
    /// The language switch's visible text (names the other language).
    LangSwitch,
    /// Footer line.
    Footer,
    /// Footer help line.
    FooterHelp,
    /// Shown while something loads.
    Loading,
    /// The account could not be loaded at start.
    SessionLoadFailed,
    /// Retry button.
    Retry,
    /// Shown while a form is being sent.
    Submitting,
    /// A value that has not been given.
    NotProvided,
    /// Network failure.
    NetworkError,
    /// Too many attempts, with `{0}` minutes.
    TooManyAttemptsMinutes,

    // Home
    /// Home page heading.
    HomeTitle,
    /// What Malanhua is.
    HomeIntro,
    /// What the platform offers.
    HomeIntro2,
    /// Call to sign up.
    HomeSignup,
    /// Call to sign in.
    HomeSignin,
    /// Dashboard heading.
    DashboardTitle,
    /// Greeting with `{0}` the name or mobile.
    Welcome,
    /// Card: profile incomplete, title.
    CardProfileTodoTitle,
    /// Card: profile incomplete, body.
    CardProfileTodoBody,
    /// Card: profile complete, title.
    CardProfileDoneTitle,
    /// Card: profile complete, body.
    CardProfileDoneBody,
    /// Card action: open the profile.
    CardProfileAction,
    /// Card: admin, title.
    CardAdminTitle,
    /// Card: admin, body.
    CardAdminBody,
    /// Card action: open administration.
    CardAdminAction,
    /// Card: bureau officer, title.
    CardBureauTitle,
    /// Card: bureau officer, body with `{0}` the region.
    CardBureauBody,
    /// Card action: institution accounts of the region.
    CardBureauAction,
    /// Card: institution staff, title.
    CardInstitutionTitle,
    /// Card: institution staff, body with `{0}` the institution, `{1}` the region.
    CardInstitutionBody,
    /// Card: mentor, title.
    CardMentorTitle,
    /// Card: mentor, body.
    CardMentorBody,

    // Auth
    /// Register page heading.
    RegisterTitle,
    /// Register page lead.
    RegisterLead,
    /// Login page heading.
    LoginTitle,
    /// Shown on the login page when sent there from a protected page.
    LoginToContinue,
    /// Label: mobile number.
    Mobile,
    /// Hint under the mobile field.
    MobileHint,
    /// Label: password.
    Password,
    /// Hint under a new password, with `{0}` the minimum length.
    PasswordHint,
    /// Label: confirm password.
    PasswordConfirm,
    /// The two passwords differ.
    PasswordMismatch,
    /// Register button.
    SubmitRegister,
    /// Login button.
    SubmitLogin,
    /// "Already have an account?"
    HaveAccount,
    /// "No account yet?"
    NoAccount,

    // Profile
    /// Profile page heading.
    ProfileTitle,
    /// Account section heading.
    AccountSection,
    /// Label: roles.
    Roles,
    /// Real-name section heading.
    RealNameSection,
    /// Heading of the details on file.
    IdentityOnFile,
    /// Heading of the real-name form while incomplete.
    RealNameFormTitle,
    /// Heading of the real-name form once complete.
    RealNameEditTitle,
    /// Lead of the real-name form while incomplete.
    RealNameLead,
    /// Lead of the real-name form once complete.
    RealNameEditLead,
    /// Label: real name.
    RealName,
    /// Hint under the real name.
    RealNameHint,
    /// Label: resident ID.
    ResidentId,
    /// Hint under the resident ID.
    ResidentIdHint,
    /// Label: region (the picker's legend).
    Region,
    /// Hint of the home region picker.
    RegionHint,
    /// Label: province-level select.
    Province,
    /// Label: prefecture-level select.
    City,
    /// Label: county-level select.
    County,
    /// Empty option of a select.
    Choose,
    /// The regions could not be loaded.
    RegionsFailed,
    /// Label: gender.
    Gender,
    /// Label: birth date.
    BirthDate,
    /// Label: masked resident ID on file.
    ResidentIdOnFile,
    /// Label: home region on file.
    RegionOnFile,
    /// Save button of the profile.
    SaveProfile,
    /// Profile saved.
    ProfileSaved,
    /// Profile complete badge.
    ProfileComplete,
    /// Profile incomplete badge.
    ProfileIncomplete,

    // Admin
    /// Admin page heading.
    AdminTitle,
    /// Shown to people who may not use the page.
    AdminForbidden,
    /// Staff list heading.
    AccountsSection,
    /// Staff list lead for admins.
    AccountsLeadAdmin,
    /// Staff list lead for bureau officers.
    AccountsLeadBureau,
    /// No accounts yet.
    NoAccounts,
    /// Column: name.
    ColName,
    /// Column: mobile.
    ColMobile,
    /// Column: role.
    ColRole,
    /// Column: region.
    ColRegion,
    /// Column: institution.
    ColInstitution,
    /// Column: granted at.
    ColGranted,
    /// Bureau form heading.
    BureauFormTitle,
    /// Bureau form lead.
    BureauFormLead,
    /// Institution form heading.
    InstFormTitle,
    /// Institution form lead.
    InstFormLead,
    /// Label: initial password.
    InitialPassword,
    /// Hint under the initial password.
    InitialPasswordHint,
    /// Label: institution name.
    InstitutionName,
    /// Label: the bureau's region.
    BureauRegion,
    /// Label: the institution's region.
    InstitutionRegion,
    /// Bureau submit button.
    CreateBureau,
    /// Institution submit button.
    CreateInstitution,
    /// Account created, with `{0}` name and `{1}` masked mobile.
    AccountCreated,

    // Navigation and shared bits of the classes pages
    /// Navigation: the class catalogue.
    NavClasses,
    /// Navigation: a trainee's classes.
    NavMyClasses,
    /// Navigation: the institution workbench.
    NavInstitution,
    /// Navigation: the bureau workbench.
    NavBureau,
    /// Navigation: notifications.
    NavNotifications,
    /// Screen-reader text of the unread count, with `{0}` the number.
    UnreadCount,
    /// Two dates or times joined, `{0}` to `{1}`.
    DateRange,
    /// Class hours, with `{0}` the number.
    HoursCount,
    /// Seats left, with `{0}` the number.
    SeatsLeft,
    /// No seats left.
    SeatsFull,
    /// Seats taken, `{0}` of `{1}`.
    SeatsTaken,
    /// People waiting, with `{0}` the number.
    WaitlistedCount,
    /// A reason given, with `{0}` the reason.
    StatusReason,
    /// Link to a class page.
    ViewClass,
    /// Link to the catalogue.
    BrowseClasses,
    /// Label: course kind.
    CourseKindLabel,
    /// Label: online or offline.
    ClassModeLabel,
    /// Label: the training institution.
    InstitutionLabel,
    /// Label: where the class meets.
    PlaceLabel,
    /// The venue of an online class.
    OnlinePlace,
    /// Label: first and last day.
    ClassDates,
    /// Label: class hours.
    ClassHours,
    /// Label: seats.
    Capacity,
    /// Heading: the sessions.
    SessionsTitle,
    /// Heading: the trainers.
    TrainersTitle,
    /// A trainer's qualification number, `{0}`.
    QualificationShown,
    /// Column: order.
    ColSeq,
    /// Column / label: date.
    ColDate,
    /// Column: time.
    ColTime,
    /// Column / label: topic.
    ColTopic,
    /// Column: class.
    ColClass,
    /// Column / label: status.
    ColStatus,
    /// Column: actions.
    ColActions,
    /// Column: seats taken.
    ColEnrolled,
    /// Column: the trainee's place.
    ColMyPlace,
    /// Label: a reason.
    Reason,
    /// Badge: not read yet.
    Unread,

    // Catalogue
    /// Catalogue heading.
    CatalogueTitle,
    /// Catalogue lead.
    CatalogueLead,
    /// Hidden heading of the results.
    CatalogueResults,
    /// Number of matches, `{0}`.
    CatalogueCount,
    /// No class matches.
    CatalogueEmpty,
    /// Filter panel heading.
    FiltersTitle,
    /// Label: text search.
    FilterText,
    /// Hint under the text search.
    FilterTextHint,
    /// Legend: region filter.
    FilterRegion,
    /// Label: first day from.
    FilterFrom,
    /// Label: first day until.
    FilterTo,
    /// Checkbox: only classes with seats.
    FilterHasSeats,
    /// Filter button.
    FilterSubmit,
    /// Empty option: every course kind.
    AnyKind,
    /// Institution filter: any.
    AnyInstitution,
    /// Empty option: online and offline.
    AnyMode,
    /// Label of the paging navigation.
    PagerLabel,
    /// Previous page.
    PagePrev,
    /// Next page.
    PageNext,
    /// Page `{0}` of `{1}`.
    PageInfo,

    // Class page
    /// Class page title.
    ClassPageTitle,
    /// Link back to the catalogue.
    BackToCatalogue,
    /// Heading: the class facts.
    ClassFacts,
    /// Label: enrolment period.
    EnrolWindow,
    /// Label: people waiting.
    WaitlistCount,
    /// Note under the sessions.
    TimesInShanghai,
    /// Heading of the enrolment box.
    EnrolTitle,
    /// Enrol button.
    Enrol,
    /// Enrol button when full.
    JoinWaitlist,
    /// Withdraw button.
    Withdraw,
    /// Hint for visitors.
    SignInToEnrol,
    /// Enrol button for visitors.
    SignInAndEnrol,
    /// Shown to staff accounts.
    OnlyTraineesEnrol,
    /// Shown before enrolling with an incomplete profile.
    ProfileNeededToEnrol,
    /// Shown on a class not yet approved.
    ClassPendingNote,
    /// Shown on a rejected or cancelled class.
    ClassClosedNote,
    /// The trainee holds a seat.
    YouAreEnrolled,
    /// The trainee waits, at position `{0}`.
    YouAreWaitlisted,
    /// The trainee left the class.
    YouWithdrew,
    /// The class was cancelled.
    YourPlaceCancelled,
    /// Label: unified social credit code.
    BusinessLicence,
    /// Hint under the licence code.
    BusinessLicenceHint,

    // My classes
    /// My classes heading.
    MyClassesTitle,
    /// My classes lead.
    MyClassesLead,
    /// No classes yet.
    MyClassesEmpty,
    /// Waitlist position `{0}`.
    WaitlistPosition,

    // Institution
    /// Institution workbench heading.
    InstitutionTitle,
    /// Shown to people who are not institution staff.
    InstitutionForbidden,
    /// Heading: the institution's classes.
    InstitutionClasses,
    /// The institution has no classes.
    NoClassesYet,
    /// Link to a roster.
    OpenRoster,
    /// No trainers.
    NoTrainersYet,
    /// Heading and button: add a trainer.
    AddTrainer,
    /// Label: trainer name.
    TrainerName,
    /// Label: qualification number.
    QualificationNo,
    /// Hint under the qualification number.
    QualificationNoHint,
    /// Trainer added, `{0}` the name.
    TrainerAdded,
    /// Heading: the opening request.
    NewClassTitle,
    /// Lead of the opening request.
    NewClassLead,
    /// Label: class title.
    ClassTitleLabel,
    /// Hint under the class title.
    ClassTitleHint,
    /// Shown when no trainer can be chosen.
    AddTrainerFirst,
    /// Hint under the venue.
    PlaceHint,
    /// Label: enrolment opens.
    EnrolOpensAt,
    /// Label: enrolment closes.
    EnrolClosesAt,
    /// Hint: Beijing time.
    ShanghaiTimeHint,
    /// Label: first day.
    StartsOn,
    /// Label: last day.
    EndsOn,
    /// Hint over the session rows.
    SessionsHint,
    /// Legend of session `{0}`.
    SessionN,
    /// Label: start time.
    SessionStart,
    /// Label: end time.
    SessionEnd,
    /// Add a session row.
    AddSession,
    /// Remove a session row.
    RemoveSession,
    /// Accessible name of the remove button, session `{0}`.
    RemoveSessionN,
    /// Scheduled time, `{0}` hours `{1}` minutes.
    SessionsTotal,
    /// Submit the opening request.
    SubmitOpening,
    /// Request filed, `{0}` the title.
    ClassFiled,
    /// Policy summary: `{0}` hours, `{1}` trainees, `{2}` days.
    PolicyHint,
    /// No policy for the chosen kind.
    NoPolicyForKind,

    // Roster
    /// Roster page title.
    RosterTitle,
    /// Link back to the workbench.
    BackToInstitution,
    /// Roster heading, `{0}` the class.
    RosterOf,
    /// Enrolled heading, `{0}` people.
    RosterEnrolled,
    /// Waitlist heading, `{0}` people.
    RosterWaitlist,
    /// Nobody enrolled.
    RosterEmpty,
    /// Nobody waiting.
    WaitlistEmpty,
    /// Column: waitlist position.
    ColWaitlistPosition,
    /// Column: enrolled at.
    ColEnrolledAt,
    /// Column: joined the waitlist at.
    ColJoined,
    /// Download the roster.
    DownloadCsv,
    /// Heading: cancel the class.
    CancelClassTitle,
    /// What cancelling does.
    CancelClassLead,
    /// Cancel button.
    CancelClass,
    /// Shown on a cancelled class.
    ClassIsCancelled,

    // Bureau
    /// Bureau workbench heading.
    BureauTitle,
    /// Shown to people who are not bureau officers.
    BureauForbidden,
    /// Heading: opening requests.
    OpeningRequests,
    /// Lead of the opening requests.
    OpeningRequestsLead,
    /// Filter option: every status.
    AllStatuses,
    /// No classes in the list.
    NothingToReview,
    /// Approve button.
    Approve,
    /// Reject button.
    Reject,
    /// Label: rejection reason.
    RejectReason,
    /// Hint under the reason.
    RejectReasonHint,
    /// Approved, `{0}` the class.
    ClassApprovedDone,
    /// Rejected, `{0}` the class.
    ClassRejectedDone,
    /// Heading: course policies.
    PoliciesTitle,
    /// Lead, `{0}` the region.
    PoliciesLead,
    /// No policy in force.
    PolicyNone,
    /// The region's own policy.
    PolicyOwn,
    /// Inherited from `{0}`.
    PolicyInherited,
    /// Label: minimum hours.
    MinHours,
    /// Label: largest class.
    MaxClassSize,
    /// Label: days of notice.
    OpeningLeadDays,
    /// Label: attendance needed.
    AttendanceThreshold,
    /// Checkbox: earlier certificate needed.
    RequiresPriorCertificate,
    /// Checkbox: business licence needed.
    RequiresBusinessLicence,
    /// Save a policy.
    SavePolicy,
    /// Policy saved.
    PolicySaved,

    // Notifications
    /// Notifications heading.
    NotificationsTitle,
    /// No notifications.
    NoNotifications,
    /// Mark one read.
    MarkRead,
    /// Mark all read.
    MarkAllRead,

    // Home cards for classes
    /// Card: catalogue, title.
    CardClassesTitle,
    /// Card: catalogue, body.
    CardClassesBody,
    /// Card: my classes, title.
    CardMyClassesTitle,
    /// Card: my classes, body.
    CardMyClassesBody,
    /// Card action: my classes.
    CardMyClassesAction,
    /// Card action: institution workbench.
    CardInstitutionAction,
    /// Card: approvals, title.
    CardReviewTitle,
    /// Card: approvals, body with `{0}` the region.
    CardReviewBody,
    /// Card action: approvals.
    CardReviewAction,

    // Certificates, attendance and completion
    /// Navigation: the trainee's certificates.
    NavMyCertificates,
    /// Footer link: the public certificate check.
    NavVerify,
    /// Roster link to the completion page.
    CompletionLink,
    /// My classes link to one class's record.
    MyClassRecord,
    /// Attendance sheet heading.
    AttendanceTitle,
    /// Session `{0}` (1-based).
    SessionNumber,
    /// Link back to the completion page.
    BackToCompletion,
    /// Link back to the roster.
    BackToRoster,
    /// Link back to the bureau workbench.
    BackToBureau,
    /// Link back to the completions list.
    BackToCompletions,
    /// Link back to my classes.
    BackToMyClasses,
    /// Heading of the marks form.
    MarksTitle,
    /// What the marks form is for.
    MarksLead,
    /// Mark: present.
    MarkPresent,
    /// Mark: late.
    MarkLate,
    /// Mark: absent.
    MarkAbsent,
    /// Mark: excused.
    MarkExcused,
    /// No mark yet.
    MarkNone,
    /// Hint: the trainee checked in by code.
    ViaCode,
    /// Save the marks.
    SaveMarks,
    /// Marks saved.
    MarksSaved,
    /// Heading of the check-in code panel.
    CheckinCodeTitle,
    /// What the check-in code is for.
    CheckinCodeLead,
    /// Button: issue a code.
    IssueCheckinCode,
    /// Validity of the code.
    CheckinCodeValid,
    /// Completion page title.
    CompletionTitle,
    /// Completion heading with `{0}` the class.
    CompletionOf,
    /// Heading of the sessions list.
    SessionsAttendance,
    /// Heading of the results form.
    ResultsTitle,
    /// What the results form is for.
    ResultsLead,
    /// Results can no longer change.
    ResultsLocked,
    /// Column: business plan.
    ColPlan,
    /// Column: score.
    ColScore,
    /// Column: passed.
    ColPassed,
    /// Column: comment.
    ColComment,
    /// Save the results.
    SaveResults,
    /// Results saved.
    ResultsSaved,
    /// Heading of the review.
    CompletionReviewTitle,
    /// Label before the status.
    CompletionStatusLabel,
    /// Status: none.
    CompletionNone,
    /// Status: submitted.
    CompletionSubmitted,
    /// Status: approved.
    CompletionApproved,
    /// Status: returned.
    CompletionReturned,
    /// The rule, with `{0}` the threshold.
    ThresholdNote,
    /// The return reason.
    ReturnedBecause,
    /// Column: attendance.
    ColAttendance,
    /// Column: result.
    ColResult,
    /// Column: qualified or why not.
    ColQualified,
    /// Column: certificate number.
    ColCertificate,
    /// Attendance with counts and rate.
    AttendanceRate,
    /// Qualifies for a certificate.
    Qualified,
    /// Between reasons.
    ListSeparator,
    /// Reason: attendance below `{0}`%.
    ReasonAttendance,
    /// Reason: not assessed.
    ReasonNotAssessed,
    /// Reason: not passed.
    ReasonNotPassed,
    /// No result.
    ResultNone,
    /// Passed.
    ResultPassed,
    /// Not passed.
    ResultFailed,
    /// Result `{0}` with score `{1}`.
    ResultWithScore,
    /// What handing in does.
    CompletionSubmitLead,
    /// Button: submit completion.
    SubmitCompletion,
    /// Bureau completions title.
    CompletionsTitle,
    /// Bureau completions lead.
    CompletionsLead,
    /// Nothing waiting.
    CompletionsEmpty,
    /// Heading of the decision form.
    CompletionDecisionTitle,
    /// What the decision does.
    CompletionDecisionLead,
    /// Label of the reason input.
    ReturnReason,
    /// Hint of the reason input.
    ReturnReasonHint,
    /// Button: approve.
    ApproveCompletion,
    /// Button: return.
    ReturnCompletion,
    /// Heading of the issued list.
    IssuedCertificates,
    /// Trainee class page title.
    MyClassTitle,
    /// Not enrolled in the class.
    MyClassMissing,
    /// Certificate issued.
    CertificateIssuedNote,
    /// Link to the certificate.
    ViewCertificate,
    /// Heading of the check-in form.
    CheckinTitle,
    /// What to do to check in.
    CheckinLead,
    /// Label of the code input.
    CheckinCodeLabel,
    /// Button: check in.
    CheckinSubmit,
    /// Check-in result with `{0}` the mark.
    CheckedIn,
    /// Heading of the trainee's attendance.
    MyAttendanceTitle,
    /// Column: session.
    ColSession,
    /// Column: mark.
    ColMark,
    /// Heading of the trainee's result.
    MyResultTitle,
    /// Certificate heading.
    CertificateTitle,
    /// Certificate text with `{0}` the course and `{1}` hours.
    CertificateBody,
    /// Label: holder.
    CertHolder,
    /// Label: institution.
    CertInstitution,
    /// Label: hours.
    CertHours,
    /// Label: issue date.
    CertIssuedOn,
    /// Label: issuing bureau.
    CertIssuer,
    /// Issuing bureau with `{0}` the region.
    IssuerName,
    /// Label: number.
    CertNumber,
    /// Label: status.
    CertStatus,
    /// Status: valid.
    CertValid,
    /// Status: revoked.
    CertRevoked,
    /// Status: unknown.
    CertUnknown,
    /// Revoked with `{0}` the date.
    RevokedOn,
    /// Revoke reason.
    RevokeReasonWas,
    /// Alt text of the QR code.
    QrAlt,
    /// Caption of the QR code.
    QrCaption,
    /// Button: print.
    PrintCertificate,
    /// Link to the public check.
    VerifyThis,
    /// Heading of the revoke form.
    RevokeTitle,
    /// What revoking does.
    RevokeLead,
    /// Button: revoke.
    RevokeSubmit,
    /// My certificates title.
    MyCertificatesTitle,
    /// No certificates.
    MyCertificatesEmpty,
    /// Verify page title.
    VerifyTitle,
    /// Verify lead.
    VerifyLead,
    /// Hint of the number input.
    VerifyNumberHint,
    /// Button: verify.
    VerifySubmit,
    /// The number asked about.
    VerifyAbout,
    /// Help when unknown.
    VerifyUnknownHelp,

    // Subsidies
    /// Navigation: the trainee's subsidies.
    NavMySubsidies,
    /// Navigation: the public notice.
    NavNotices,
    /// Card: my subsidies, body.
    CardMySubsidiesBody,
    /// Card action: my subsidies.
    CardMySubsidiesAction,
    /// Card: subsidy review, body with `{0}` the region.
    CardBureauClaimsBody,
    /// Card action: subsidy review.
    CardBureauClaimsAction,
    /// Card: group checks, body.
    CardBureauGroupsBody,
    /// Card action: group checks.
    CardBureauGroupsAction,
    /// Card: subsidy standards, body with `{0}` the region.
    CardSubsidyPoliciesBody,
    /// Card action: subsidy standards.
    CardSubsidyPoliciesAction,
    /// Card: public notice, body.
    CardNoticesBody,
    /// Card action: public notice.
    CardNoticesAction,
    /// Cancel button.
    Cancel,
    /// Column / label: amount.
    ColAmount,
    /// Column / label: who is paid.
    ColPayee,
    /// Column: claim stage or why none.
    ColClaimStatus,
    /// Label: the subsidy amount.
    SubsidyAmount,
    /// Open-ended period from `{0}`.
    FromDateOnward,
    /// Link to a claim.
    ViewClaim,
    /// Link to a claim that waits for the trainee.
    ViewAndSubmitClaim,
    /// Badge: qualifies for a subsidy.
    Eligible,
    /// Badge: does not qualify.
    NotEligible,
    /// Label: last day of notice.
    NoticeEndsOn,
    /// Label: payment reference.
    PaymentRef,
    /// Label: payment date.
    PaidOn,
    /// Label / column: filed at.
    ClaimFiledAt,
    /// Label of the reason or comment of an officer.
    ActionReason,
    /// My subsidies heading.
    MySubsidiesTitle,
    /// My subsidies lead.
    MySubsidiesLead,
    /// Heading: the trainee's claims.
    MyClaimsTitle,
    /// No claims yet.
    MyClaimsEmpty,
    /// Claim filed for certificate `{0}`.
    ClaimFiledDone,
    /// Heading: certificates and what they earn.
    EligibilityTitle,
    /// What the eligibility list shows.
    EligibilityLead,
    /// A claim already exists.
    ClaimExists,
    /// Label: who files.
    WhoFiles,
    /// Button: file a claim.
    FileClaim,
    /// Heading: priority groups.
    PriorityGroupsTitle,
    /// What priority groups are for.
    PriorityGroupsLead,
    /// No declarations yet.
    NoGroupsYet,
    /// Heading of the declaration form.
    DeclareGroupTitle,
    /// Lead of the declaration form.
    DeclareGroupLead,
    /// Label: the group.
    PriorityGroupLabel,
    /// Label: held from.
    GroupFrom,
    /// Label: held until.
    GroupTo,
    /// Hint: open-ended.
    GroupToHint,
    /// Label: evidence.
    GroupEvidence,
    /// Hint under the evidence.
    GroupEvidenceHint,
    /// Button: declare.
    DeclareGroup,
    /// Declaration saved.
    GroupDeclared,
    /// Label: the period held.
    GroupHeld,
    /// Claim page title.
    ClaimTitle,
    /// Claim heading, `{0}` the holder, `{1}` the course.
    ClaimOf,
    /// Heading: claim facts.
    ClaimFacts,
    /// Heading: eligibility checked now.
    EligibilityNow,
    /// Heading of the submit box.
    ClaimSubmitTitle,
    /// What submitting does.
    ClaimSubmitLead,
    /// What resubmitting does.
    ClaimResubmitLead,
    /// Button: submit.
    SubmitClaim,
    /// Button: resubmit.
    ResubmitClaim,
    /// Claim submitted.
    ClaimSubmittedDone,
    /// Heading of the officer's actions.
    ClaimActionsTitle,
    /// What the officer's actions do.
    ClaimActionsLead,
    /// Hint under the reason.
    ActionReasonHint,
    /// Hint under the payment reference.
    PaymentRefHint,
    /// Hint under the payment date.
    PaidOnHint,
    /// Action done, `{0}` the action.
    ClaimActionDone,
    /// Heading: history.
    ClaimTimeline,
    /// Who: the system.
    ActorSystem,
    /// Who: a member of the public.
    ActorPublic,
    /// Heading: objections.
    ClaimObjections,
    /// Heading: the trainee's priority groups, on a claim.
    ClaimDeclarations,
    /// No objections.
    NoObjections,
    /// The objector's contact, `{0}`.
    ObjectionContactShown,
    /// The officer's finding, `{0}`.
    ObjectionFinding,
    /// How to resolve an objection.
    ObjectionResolveHint,
    /// Button: dismiss an objection.
    DismissObjection,
    /// Button: uphold an objection.
    UpholdObjection,
    /// Objection dismissed.
    ObjectionDismissedDone,
    /// Objection upheld.
    ObjectionUpheldDone,
    /// Link back to the worklist.
    BackToClaims,
    /// Link back to the class batch.
    BackToBatch,
    /// Link back to my subsidies.
    BackToMySubsidies,
    /// Batch page title.
    BatchTitle,
    /// Batch heading, `{0}` the class.
    BatchOf,
    /// Batch lead.
    BatchLead,
    /// Heading of the lines.
    BatchLinesTitle,
    /// No certificates.
    BatchEmpty,
    /// Badge: can be filed.
    BatchReady,
    /// Label: total.
    BatchTotal,
    /// `{0}` lines can be filed.
    BatchFileableCount,
    /// Button: file the batch.
    BatchFile,
    /// `{0}` filed.
    BatchFiled,
    /// Completion page link to the batch.
    BatchLink,
    /// Heading of the subsidy links.
    SubsidyWorkTitle,
    /// Worklist heading.
    BureauClaimsTitle,
    /// Worklist lead.
    BureauClaimsLead,
    /// Label: filed from.
    FiledFrom,
    /// Label: filed until.
    FiledTo,
    /// Label: least amount.
    MinYuan,
    /// Label: largest amount.
    MaxYuan,
    /// Heading of the list.
    ClaimsListTitle,
    /// Button: CSV.
    ExportCsv,
    /// Button: Excel.
    ExportXlsx,
    /// No claims match.
    ClaimsEmpty,
    /// `{0}` shown, `{1}` ticked.
    ClaimsShown,
    /// Tick every claim shown.
    SelectAll,
    /// Column: tick.
    SelectOne,
    /// Tick the claim of `{0}`.
    SelectClaimOf,
    /// Button: next page.
    LoadMore,
    /// Heading of the bulk bar.
    BulkTitle,
    /// `{0}` claims ticked.
    BulkSelected,
    /// Label: the action.
    BulkAction,
    /// Hint under the bulk reason.
    BulkReasonHint,
    /// Hint under the bulk payment reference.
    BulkPaymentRefHint,
    /// Button: apply to the ticked claims.
    BulkApply,
    /// `{0}` done, `{1}` failed.
    BulkSummary,
    /// One result, `{0}` the claim, `{1}` the outcome.
    BulkLine,
    /// Done.
    BulkOk,
    /// Done, now `{0}`.
    BulkOkNow,
    /// Declarations heading.
    BureauGroupsTitle,
    /// Declarations lead.
    BureauGroupsLead,
    /// Nothing to check.
    NoDeclarations,
    /// Label: declared at.
    DeclaredAt,
    /// Button: verify.
    VerifyDeclaration,
    /// Button: reject.
    RejectDeclaration,
    /// Heading of the reject form.
    RejectDeclarationTitle,
    /// What rejecting does.
    RejectDeclarationLead,
    /// Verified, `{0}` the person.
    DeclarationVerifiedDone,
    /// Rejected, `{0}` the person.
    DeclarationRejectedDone,
    /// Standards heading.
    SubsidyPoliciesTitle,
    /// Lead, `{0}` the region.
    SubsidyPoliciesLead,
    /// Heading of the versions.
    SubsidyVersionsTitle,
    /// No versions.
    NoSubsidyPolicies,
    /// Badge: claims use it.
    PolicyInUse,
    /// Badge: set by the officer's region.
    SubsidyOwn,
    /// Badge: set by the region `{0}` above.
    SubsidyInherited,
    /// Paid to `{0}`.
    PaidTo,
    /// `{0}` months to claim, `{1}` days of notice.
    PolicyTerms,
    /// One a year.
    OnePerYear,
    /// Button: fill the form from a version.
    CopyToForm,
    /// Heading of the form.
    SubsidyFormTitle,
    /// Lead of the form.
    SubsidyFormLead,
    /// Label: effective from.
    EffectiveFrom,
    /// Hint under the date.
    EffectiveFromHint,
    /// Label: end date.
    EndsOnOptional,
    /// Hint under the end date.
    EndsOnHint,
    /// Label: amount in yuan.
    AmountYuan,
    /// Hint under the amount.
    AmountYuanHint,
    /// Legend: covered groups.
    EligibleGroups,
    /// Label: months to claim.
    ClaimWindowMonths,
    /// Label: days of notice.
    NoticeDays,
    /// Checkbox: one a year.
    OnePerYearLabel,
    /// Button: save.
    SaveSubsidyPolicy,
    /// Saved, `{0}` the course, `{1}` the date.
    SubsidyPolicySaved,
    /// The end date is before the start.
    PolicyEndsBeforeStart,
    /// Notice heading.
    NoticesTitle,
    /// Notice lead.
    NoticesLead,
    /// Hint of the region filter.
    NoticeRegionHint,
    /// Nothing on notice.
    NoNotices,
    /// Badge: an objection is being looked into.
    NoticeHeld,
    /// Button: object.
    ObjectButton,
    /// Objection heading, `{0}` the masked name.
    ObjectionTitle,
    /// Objection lead.
    ObjectionLead,
    /// Label: what is wrong.
    ObjectionText,
    /// Label: contact.
    ObjectionContact,
    /// Hint under the contact.
    ObjectionContactHint,
    /// Button: send the objection.
    SubmitObjection,
    /// Objection sent.
    ObjectionFiled,

    // Not found
    /// 404 heading.
    NotFoundTitle,
    /// 404 body.
    NotFoundBody,
    /// Link back home.
    BackHome,
}

/// The text for `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (zh, en) = pair(key);
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The text for `key` with `{0}`, `{1}`... replaced by `args`.
pub fn tf(lang: Lang, key: Key, args: &[&str]) -> String {
    fill(t(lang, key), args)
}

fn fill(template: &str, args: &[&str]) -> String {
    args.iter().enumerate().fold(template.to_owned(), |s, (i, a)| s.replace(&format!("{{{i}}}"), a))
}

fn pair(key: Key) -> (&'static str, &'static str) {
    use Key::*;
    match key {
        AppName => ("马兰花创业培训", "Malanhua Entrepreneurship Training"),
        SkipToContent => ("跳到主要内容", "Skip to main content"),
        NavLabel => ("主导航", "Main navigation"),
        NavHome => ("首页", "Home"),
        NavLogin => ("登录", "Sign in"),
        NavRegister => ("注册", "Sign up"),
        NavProfile => ("个人资料", "Profile"),
        NavAdmin => ("管理", "Administration"),
        NavLogout => ("退出", "Sign out"),
        LangSwitch => ("English", "中文"),
        Footer => ("马兰花创业培训服务平台", "Malanhua entrepreneurship training service platform"),
        FooterHelp => (
            "如需帮助，请联系当地人力资源和社会保障部门。",
            "For help, please contact your local human resources and social security bureau.",
        ),
        Loading => ("加载中…", "Loading…"),
        SessionLoadFailed => ("暂时无法加载您的账号信息。", "Your account could not be loaded just now."),
        Retry => ("重试", "Try again"),
        Submitting => ("提交中…", "Sending…"),
        NotProvided => ("未填写", "Not provided"),
        NetworkError => (
            "无法连接服务器，请检查网络后重试。",
            "The server could not be reached. Please check your connection and try again.",
        ),
        TooManyAttemptsMinutes => {
            ("尝试次数过多，请 {0} 分钟后再试。", "Too many attempts. Please try again in {0} minutes.")
        }

        HomeTitle => ("马兰花创业培训", "Malanhua Entrepreneurship Training"),
        HomeIntro => (
            "马兰花创业培训是面向创业者的全国性创业培训项目，课程包括产生你的企业想法（GYB）、创办你的企业（SYB）、改善你的企业（IYB）、扩大你的企业（EYB）和网络创业培训。",
            "Malanhua is the national entrepreneurship training programme for people starting or growing a business. Its courses include Generate Your Business Idea (GYB), Start Your Business (SYB), Improve Your Business (IYB), Expand Your Business (EYB) and online business training.",
        ),
        HomeIntro2 => (
            "在这里，您可以用手机号注册、完成实名信息；培训合格后可获得创业培训合格证书，符合条件的可申请创业培训补贴和创业导师服务。",
            "Here you can sign up with your mobile number and complete your real-name profile. Trainees who pass receive a training certificate, and those who qualify can apply for a training subsidy and mentor services.",
        ),
        HomeSignup => ("注册账号", "Create an account"),
        HomeSignin => ("已有账号？登录", "Already registered? Sign in"),
        DashboardTitle => ("我的工作台", "Your dashboard"),
        Welcome => ("您好，{0}。", "Welcome, {0}."),
        CardProfileTodoTitle => ("完善实名信息", "Complete your real-name profile"),
        CardProfileTodoBody => (
            "报名培训、申请补贴前，请先填写姓名、居民身份证号和所在地区。",
            "Before enrolling in a class or claiming a subsidy, please add your name, resident ID and home region.",
        ),
        CardProfileDoneTitle => ("实名信息已完善", "Real-name profile complete"),
        CardProfileDoneBody => {
            ("您的姓名、身份证号和所在地区已登记。", "Your name, resident ID and home region are on file.")
        }
        CardProfileAction => ("前往个人资料", "Go to your profile"),
        CardAdminTitle => ("账号管理", "Account administration"),
        CardAdminBody => (
            "创建人社局和培训机构账号，查看全部工作人员账号。",
            "Create bureau and institution accounts and see every staff account.",
        ),
        CardAdminAction => ("进入管理", "Open administration"),
        CardBureauTitle => ("人社局经办", "Bureau officer"),
        CardBureauBody => (
            "辖区：{0}。您可以查看本辖区的培训机构账号，并为培训机构创建账号。",
            "Region: {0}. You can see the institution accounts of your region and create new ones.",
        ),
        CardBureauAction => ("管理培训机构账号", "Manage institution accounts"),
        CardInstitutionTitle => ("培训机构", "Training institution"),
        CardInstitutionBody => ("所属机构：{0}（{1}）。", "Institution: {0} ({1})."),
        CardMentorTitle => ("创业导师", "Mentor"),
        CardMentorBody => ("您已入选创业导师库。", "You are in the mentor library."),

        RegisterTitle => ("注册", "Sign up"),
        RegisterLead => (
            "用中国大陆手机号注册账号，注册后请完善实名信息。",
            "Sign up with a mainland China mobile number, then complete your real-name profile.",
        ),
        LoginTitle => ("登录", "Sign in"),
        LoginToContinue => ("请登录后继续。", "Please sign in to continue."),
        Mobile => ("手机号", "Mobile number"),
        MobileHint => ("11 位中国大陆手机号，例如 13812345678。", "11-digit mainland China number, e.g. 13812345678."),
        Password => ("密码", "Password"),
        PasswordHint => (
            "至少 {0} 个字符；不能使用常见密码，也不能包含手机号。",
            "At least {0} characters; not a common password and not containing your mobile number.",
        ),
        PasswordConfirm => ("确认密码", "Confirm password"),
        PasswordMismatch => ("两次输入的密码不一致。", "The two passwords do not match."),
        SubmitRegister => ("注册", "Sign up"),
        SubmitLogin => ("登录", "Sign in"),
        HaveAccount => ("已有账号？去登录", "Already registered? Sign in"),
        NoAccount => ("还没有账号？立即注册", "No account yet? Sign up"),

        ProfileTitle => ("个人资料", "Profile"),
        AccountSection => ("账号信息", "Account"),
        Roles => ("角色", "Roles"),
        RealNameSection => ("实名信息", "Real-name profile"),
        IdentityOnFile => ("已登记的实名信息", "Real-name details on file"),
        RealNameFormTitle => ("填写实名信息", "Fill in your real-name details"),
        RealNameEditTitle => ("更新实名信息", "Update your real-name details"),
        RealNameLead => (
            "请按居民身份证填写。信息仅用于培训报名、证书和补贴审核。",
            "Fill this in exactly as on your resident ID card. It is used only for enrolment, certificates and subsidy review.",
        ),
        RealNameEditLead => (
            "如需更新姓名或所在地区，请再次输入已登记的身份证号以确认。身份证号保存后不能自行修改。",
            "To update your name or region, enter your registered resident ID again to confirm. A saved resident ID cannot be changed by you.",
        ),
        RealName => ("姓名", "Full name"),
        RealNameHint => ("与身份证上的姓名一致。", "As shown on your resident ID card."),
        ResidentId => ("居民身份证号", "Resident ID number"),
        ResidentIdHint => ("18 位，最后一位可以是 X。", "18 characters; the last one may be X."),
        Region => ("所在地区", "Home region"),
        RegionHint => ("请依次选择省、市、区县。", "Choose the province, then the city, then the district."),
        Province => ("省（自治区、直辖市）", "Province"),
        City => ("市（地区、州）", "City / prefecture"),
        County => ("区（县）", "District / county"),
        Choose => ("请选择", "Please choose"),
        RegionsFailed => ("地区列表加载失败。", "The list of regions could not be loaded."),
        Gender => ("性别", "Gender"),
        BirthDate => ("出生日期", "Date of birth"),
        ResidentIdOnFile => ("身份证号", "Resident ID"),
        RegionOnFile => ("所在地区", "Home region"),
        SaveProfile => ("保存", "Save"),
        ProfileSaved => ("实名信息已保存。", "Your real-name profile has been saved."),
        ProfileComplete => ("已完善", "Complete"),
        ProfileIncomplete => ("未完善", "Incomplete"),

        AdminTitle => ("账号管理", "Account administration"),
        AdminForbidden => (
            "只有系统管理员和人社局经办人员可以使用此页面。",
            "Only administrators and bureau officers can use this page.",
        ),
        AccountsSection => ("工作人员账号", "Staff accounts"),
        AccountsLeadAdmin => ("全部人社局和培训机构账号。", "All bureau and institution accounts."),
        AccountsLeadBureau => ("本辖区培训机构的账号。", "Institution accounts in your region."),
        NoAccounts => ("暂无账号。", "No accounts yet."),
        ColName => ("姓名", "Name"),
        ColMobile => ("手机号", "Mobile"),
        ColRole => ("角色", "Role"),
        ColRegion => ("地区", "Region"),
        ColInstitution => ("机构", "Institution"),
        ColGranted => ("授权时间", "Granted"),
        BureauFormTitle => ("创建人社局账号", "Create a bureau account"),
        BureauFormLead => (
            "经办人员可管理所选地区及其下级地区。手机号已注册的，将为该账号增加人社局角色。",
            "The officer acts for the chosen region and everything under it. If the mobile number is already registered, that account gets the bureau role.",
        ),
        InstFormTitle => ("创建培训机构账号", "Create an institution account"),
        InstFormLead => (
            "登记培训机构并为其工作人员开通账号。同一地区已有同名机构的，将沿用该机构。",
            "Register a training institution and open an account for one of its staff. An institution with the same name in the region is reused.",
        ),
        InitialPassword => ("初始密码", "Initial password"),
        InitialPasswordHint => (
            "新手机号必填（至少 {0} 个字符）；已注册的手机号请留空。",
            "Required for a new mobile number (at least {0} characters); leave empty for a registered one.",
        ),
        InstitutionName => ("机构名称", "Institution name"),
        BureauRegion => ("管辖地区", "Region of authority"),
        InstitutionRegion => ("机构所在地区", "Institution's region"),
        CreateBureau => ("创建人社局账号", "Create bureau account"),
        CreateInstitution => ("创建机构账号", "Create institution account"),
        AccountCreated => ("已创建账号：{0}（{1}）。", "Account created: {0} ({1})."),

        NavClasses => ("课程", "Classes"),
        NavMyClasses => ("我的课程", "My classes"),
        NavInstitution => ("机构工作台", "Institution"),
        NavBureau => ("审批工作台", "Approvals"),
        NavNotifications => ("通知", "Notifications"),
        UnreadCount => ("（{0} 条未读）", " ({0} unread)"),
        DateRange => ("{0} 至 {1}", "{0} to {1}"),
        HoursCount => ("共 {0} 学时", "{0} class hours"),
        SeatsLeft => ("剩余 {0} 个名额", "{0} seats left"),
        SeatsFull => ("名额已满 – 可排队候补", "Full – join the waitlist"),
        SeatsTaken => ("已报名 {0} / {1} 人", "{0} of {1} seats taken"),
        WaitlistedCount => ("候补 {0} 人", "{0} on the waitlist"),
        StatusReason => ("原因：{0}", "Reason: {0}"),
        ViewClass => ("查看班期", "View the class"),
        BrowseClasses => ("浏览培训课程", "Browse classes"),
        CourseKindLabel => ("课程类型", "Course"),
        ClassModeLabel => ("上课方式", "Format"),
        InstitutionLabel => ("培训机构", "Training institution"),
        PlaceLabel => ("上课地点", "Venue"),
        OnlinePlace => ("线上授课", "Online"),
        ClassDates => ("培训日期", "Dates"),
        ClassHours => ("学时", "Hours"),
        Capacity => ("班级人数", "Seats"),
        SessionsTitle => ("课程安排", "Sessions"),
        TrainersTitle => ("讲师", "Trainers"),
        QualificationShown => ("（讲师证书 {0}）", "(certificate {0})"),
        ColSeq => ("序号", "No."),
        ColDate => ("日期", "Date"),
        ColTime => ("时间", "Time"),
        ColTopic => ("内容", "Topic"),
        ColClass => ("班期", "Class"),
        ColStatus => ("状态", "Status"),
        ColActions => ("操作", "Actions"),
        ColEnrolled => ("报名情况", "Enrolment"),
        ColMyPlace => ("我的报名", "My place"),
        Reason => ("原因", "Reason"),
        Unread => ("未读", "Unread"),

        CatalogueTitle => ("培训课程", "Training classes"),
        CatalogueLead => (
            "查找已获人社部门批准开班的马兰花创业培训班期。报名需先登录并完善实名信息。",
            "Find Malanhua classes approved by the human resources bureaus. To enrol, sign in and complete your real-name profile.",
        ),
        CatalogueResults => ("查询结果", "Results"),
        CatalogueCount => ("共找到 {0} 个班期。", "{0} classes found."),
        CatalogueEmpty => {
            ("没有符合条件的班期，请调整筛选条件。", "No class matches these filters; try changing them.")
        }
        FiltersTitle => ("筛选", "Filters"),
        FilterText => ("关键词", "Keywords"),
        FilterTextHint => ("班期名称、培训机构或上课地点。", "Class title, institution or venue."),
        FilterRegion => ("地区", "Region"),
        FilterFrom => ("开班日期（起）", "Starting from"),
        FilterTo => ("开班日期（止）", "Starting until"),
        FilterHasSeats => ("只看有剩余名额的班期", "Only classes with seats left"),
        FilterSubmit => ("查询", "Search"),
        AnyInstitution => ("全部机构", "Any institution"),
        AnyKind => ("全部课程", "All courses"),
        AnyMode => ("线上和线下", "Online and offline"),
        PagerLabel => ("分页", "Pages"),
        PagePrev => ("上一页", "Previous"),
        PageNext => ("下一页", "Next"),
        PageInfo => ("第 {0} / {1} 页", "Page {0} of {1}"),

        ClassPageTitle => ("班期详情", "Class details"),
        BackToCatalogue => ("← 返回课程列表", "← Back to the classes"),
        ClassFacts => ("班期信息", "About this class"),
        EnrolWindow => ("报名时间（北京时间）", "Enrolment period (Beijing time)"),
        WaitlistCount => ("候补人数", "On the waitlist"),
        TimesInShanghai => ("以下时间均为北京时间。", "All times are Beijing time."),
        EnrolTitle => ("报名", "Enrolment"),
        Enrol => ("立即报名", "Enrol"),
        JoinWaitlist => ("报名候补", "Join the waitlist"),
        Withdraw => ("退出报名", "Withdraw"),
        SignInToEnrol => ("登录后即可报名。", "Sign in to enrol."),
        SignInAndEnrol => ("登录后报名", "Sign in to enrol"),
        OnlyTraineesEnrol => ("只有学员账号可以报名。", "Only trainee accounts can enrol."),
        ProfileNeededToEnrol => ("报名前需要先完善实名信息。", "You need a complete real-name profile to enrol."),
        ClassPendingNote => (
            "该班期正在等待人社部门审批，暂不接受报名。",
            "This class is waiting for the bureau's approval and does not take enrolments yet.",
        ),
        ClassClosedNote => ("该班期不接受报名。", "This class does not take enrolments."),
        YouAreEnrolled => ("您已报名成功，已获得名额。", "You are enrolled and hold a seat."),
        YouAreWaitlisted => (
            "您在候补名单第 {0} 位，有名额空出时将按顺序递补。",
            "You are number {0} on the waitlist; seats that free up go to the waitlist in order.",
        ),
        YouWithdrew => ("您已退出该班期。", "You have withdrawn from this class."),
        YourPlaceCancelled => ("该班期已取消，您的报名随之取消。", "This class was cancelled, and your place with it."),
        BusinessLicence => ("统一社会信用代码（营业执照）", "Unified social credit code (business licence)"),
        BusinessLicenceHint => (
            "本课程要求已办理营业执照。请填写执照上的 18 位代码。",
            "This course needs a business licence. Enter the 18-character code printed on it.",
        ),

        MyClassesTitle => ("我的课程", "My classes"),
        MyClassesLead => ("您报名或正在候补的班期。", "The classes you enrolled in or are waiting for."),
        MyClassesEmpty => ("您还没有报名任何班期。", "You have not enrolled in any class yet."),
        WaitlistPosition => ("候补第 {0} 位", "Waitlist position {0}"),

        InstitutionTitle => ("机构工作台", "Institution workbench"),
        InstitutionForbidden => {
            ("只有培训机构工作人员可以使用此页面。", "Only training institution staff can use this page.")
        }
        InstitutionClasses => ("本机构的班期", "Your classes"),
        NoClassesYet => ("还没有班期。请在下方提交开班申请。", "No classes yet. File an opening request below."),
        OpenRoster => ("花名册", "Roster"),
        NoTrainersYet => ("还没有登记讲师。", "No trainers registered yet."),
        AddTrainer => ("添加讲师", "Add a trainer"),
        TrainerName => ("讲师姓名", "Trainer's name"),
        QualificationNo => ("讲师证书编号", "Trainer certificate number"),
        QualificationNoHint => (
            "创业培训讲师证书上的编号，4 到 40 位字母、数字或连字符。",
            "As printed on the trainer certificate: 4 to 40 letters, digits or hyphens.",
        ),
        TrainerAdded => ("已添加讲师：{0}。", "Trainer added: {0}."),
        NewClassTitle => ("开班申请", "Opening request"),
        NewClassLead => (
            "开班须经人社局批准后方可招生；未经批准开班的，不能申请培训补贴。时间均按北京时间填写。",
            "A class may only take trainees once the bureau approves it; a class run without approval earns no subsidy. Enter all times in Beijing time.",
        ),
        ClassTitleLabel => ("班期名称", "Class title"),
        ClassTitleHint => ("例如：SYB 创办你的企业 第 12 期", "For example: SYB Start Your Business, class 12"),
        AddTrainerFirst => ("请先在“讲师”中添加讲师。", "Add a trainer under “Trainers” first."),
        PlaceHint => ("线下班必填，线上班可不填。", "Required for a classroom class; optional online."),
        EnrolOpensAt => ("报名开始时间", "Enrolment opens"),
        EnrolClosesAt => ("报名截止时间", "Enrolment closes"),
        ShanghaiTimeHint => ("北京时间", "Beijing time"),
        StartsOn => ("开班日期", "First day"),
        EndsOn => ("结业日期", "Last day"),
        SessionsHint => (
            "每次课填写日期、上课和下课时间以及内容。",
            "For each session give the date, start and end time, and topic.",
        ),
        SessionN => ("第 {0} 次课", "Session {0}"),
        SessionStart => ("上课时间", "Starts"),
        SessionEnd => ("下课时间", "Ends"),
        AddSession => ("添加一次课", "Add a session"),
        RemoveSession => ("删除", "Remove"),
        RemoveSessionN => ("删除第 {0} 次课", "Remove session {0}"),
        SessionsTotal => ("已安排 {0} 小时 {1} 分钟", "Scheduled: {0} h {1} min"),
        SubmitOpening => ("提交开班申请", "File the opening request"),
        ClassFiled => (
            "开班申请已提交：{0}。请等待人社局审批。",
            "Opening request filed: {0}. It now waits for the bureau's approval.",
        ),
        PolicyHint => (
            "本地区政策：不少于 {0} 学时；每班不超过 {1} 人；须在开课前 {2} 天提交申请。",
            "Your region's policy: at least {0} hours; at most {1} trainees per class; file at least {2} days before the start.",
        ),
        NoPolicyForKind => (
            "本地区尚未设置该课程的培训政策，暂不能申请开班。",
            "Your region has no policy for this course yet, so it cannot be requested.",
        ),

        RosterTitle => ("花名册", "Roster"),
        BackToInstitution => ("← 返回机构工作台", "← Back to the workbench"),
        RosterOf => ("花名册：{0}", "Roster: {0}"),
        RosterEnrolled => ("已报名（{0} 人）", "Enrolled ({0})"),
        RosterWaitlist => ("候补名单（{0} 人）", "Waitlist ({0})"),
        RosterEmpty => ("暂无报名学员。", "Nobody has enrolled yet."),
        WaitlistEmpty => ("暂无候补学员。", "Nobody is on the waitlist."),
        ColWaitlistPosition => ("候补位次", "Position"),
        ColEnrolledAt => ("报名时间", "Enrolled"),
        ColJoined => ("候补时间", "Joined"),
        DownloadCsv => ("下载花名册（CSV）", "Download roster (CSV)"),
        CancelClassTitle => ("取消班期", "Cancel the class"),
        CancelClassLead => (
            "取消后，已报名和候补的学员都会收到通知。此操作不能撤销。",
            "Everyone enrolled or waiting is told. This cannot be undone.",
        ),
        CancelClass => ("确认取消班期", "Cancel this class"),
        ClassIsCancelled => ("该班期已取消。", "This class has been cancelled."),

        BureauTitle => ("审批工作台", "Approvals workbench"),
        BureauForbidden => ("只有人社局经办人员可以使用此页面。", "Only bureau officers can use this page."),
        OpeningRequests => ("开班申请审批", "Opening requests"),
        OpeningRequestsLead => (
            "本辖区培训机构提交的开班申请。请在开课前完成审批。",
            "Opening requests from the institutions of your region. Decide them before the classes start.",
        ),
        AllStatuses => ("全部", "All"),
        NothingToReview => ("没有待处理的开班申请。", "No opening requests here."),
        Approve => ("批准开班", "Approve"),
        Reject => ("不予批准", "Reject"),
        RejectReason => ("不予批准的原因", "Reason for rejecting"),
        RejectReasonHint => ("不予批准时必填，将告知培训机构。", "Required to reject; the institution is told."),
        ClassApprovedDone => ("已批准开班：{0}。", "Approved: {0}."),
        ClassRejectedDone => ("已不予批准：{0}。", "Rejected: {0}."),
        PoliciesTitle => ("培训政策", "Course policies"),
        PoliciesLead => (
            "{0}的各类课程培训政策。未单独设置的，沿用上级地区的政策。",
            "The course policies of {0}. A course without its own policy uses the one of the region above.",
        ),
        PolicyNone => ("尚未设置政策。", "No policy is in force."),
        PolicyOwn => ("本地区已设置政策。", "Your region's own policy."),
        PolicyInherited => (
            "现沿用{0}的政策；保存后本地区将单独设置。",
            "The policy of {0} applies now; saving gives your region its own.",
        ),
        MinHours => ("最少学时", "Minimum hours"),
        MaxClassSize => ("每班最多人数", "Largest class"),
        OpeningLeadDays => ("开班申请提前天数", "Days of notice for opening"),
        AttendanceThreshold => ("结业出勤率要求（%）", "Attendance needed (%)"),
        RequiresPriorCertificate => ("须已取得 GYB 或 SYB 培训合格证书", "Needs an earlier GYB or SYB certificate"),
        RequiresBusinessLicence => ("须已办理营业执照", "Needs a business licence"),
        SavePolicy => ("保存政策", "Save policy"),
        PolicySaved => ("政策已保存。", "Policy saved."),

        NotificationsTitle => ("通知", "Notifications"),
        NoNotifications => ("暂无通知。", "No notifications yet."),
        MarkRead => ("标为已读", "Mark as read"),
        MarkAllRead => ("全部标为已读", "Mark all as read"),

        CardClassesTitle => ("报名培训", "Find a class"),
        CardClassesBody => (
            "查找本地的马兰花创业培训班期，在线报名或排队候补。",
            "Find Malanhua classes near you and enrol, or join a waitlist.",
        ),
        CardMyClassesTitle => ("我的课程", "My classes"),
        CardMyClassesBody => ("查看已报名和候补中的班期。", "See the classes you enrolled in or wait for."),
        CardMyClassesAction => ("查看我的课程", "Open my classes"),
        CardInstitutionAction => ("进入机构工作台", "Open the workbench"),
        CardReviewTitle => ("开班审批与培训政策", "Opening approvals and policies"),
        CardReviewBody => (
            "审批{0}培训机构的开班申请，设置本地区的培训政策。",
            "Decide the opening requests of institutions in {0} and set your region's course policies.",
        ),
        CardReviewAction => ("进入审批工作台", "Open approvals"),

        NavMyCertificates => ("我的证书", "My certificates"),
        NavVerify => ("证书查验", "Verify a certificate"),
        CompletionLink => ("考勤与结业", "Attendance and completion"),
        MyClassRecord => ("学习记录", "My record"),
        AttendanceTitle => ("考勤表", "Attendance sheet"),
        SessionNumber => ("第 {0} 次课", "Session {0}"),
        BackToCompletion => ("返回考勤与结业", "Back to attendance and completion"),
        BackToRoster => ("返回学员名单", "Back to the roster"),
        BackToBureau => ("返回审批工作台", "Back to approvals"),
        BackToCompletions => ("返回结业审核列表", "Back to completion reviews"),
        BackToMyClasses => ("返回我的课程", "Back to my classes"),
        MarksTitle => ("学员考勤", "Trainees' attendance"),
        MarksLead => (
            "为每位学员选择出勤情况，然后保存。迟到计为出勤，请假不计为出勤。",
            "Choose each trainee's attendance, then save. Late counts as attended; excused does not.",
        ),
        MarkPresent => ("出勤", "Present"),
        MarkLate => ("迟到", "Late"),
        MarkAbsent => ("缺勤", "Absent"),
        MarkExcused => ("请假", "Excused"),
        MarkNone => ("未记录", "Not recorded"),
        ViaCode => ("学员已用签到码签到", "Checked in with the code"),
        SaveMarks => ("保存考勤", "Save attendance"),
        MarksSaved => ("考勤已保存。", "Attendance saved."),
        CheckinCodeTitle => ("课堂签到码", "Check-in code"),
        CheckinCodeLead => (
            "生成签到码并投屏展示，学员在“我的课程”中输入即可签到。",
            "Issue a code and show it in the room; trainees enter it under “My classes” to check in.",
        ),
        IssueCheckinCode => ("生成签到码", "Issue a check-in code"),
        CheckinCodeValid => ("有效时间：{0} 至 {1}", "Valid from {0} to {1}"),
        CompletionTitle => ("考勤与结业", "Attendance and completion"),
        CompletionOf => ("考勤与结业：{0}", "Attendance and completion: {0}"),
        SessionsAttendance => ("各次课考勤", "Attendance by session"),
        ResultsTitle => ("结业考核", "Final assessment"),
        ResultsLead => (
            "记录每位学员是否提交创业计划书、考核分数（0–100）与是否合格。",
            "Record for each trainee whether the business plan was handed in, the score (0–100) and whether they passed.",
        ),
        ResultsLocked => (
            "已提交结业审核，考核结果不能再修改。",
            "The class has been handed in for review; results can no longer change.",
        ),
        ColPlan => ("已交计划书", "Plan handed in"),
        ColScore => ("分数", "Score"),
        ColPassed => ("合格", "Passed"),
        ColComment => ("评语", "Comment"),
        SaveResults => ("保存考核结果", "Save results"),
        ResultsSaved => ("考核结果已保存。", "Results saved."),
        CompletionReviewTitle => ("结业审核", "Completion review"),
        CompletionStatusLabel => ("结业状态：", "Completion status:"),
        CompletionNone => ("未提交", "Not handed in"),
        CompletionSubmitted => ("已提交，待人社部门审核", "Handed in, awaiting the bureau"),
        CompletionApproved => ("已通过，证书已发放", "Approved, certificates issued"),
        CompletionReturned => ("已退回，请修改后重新提交", "Returned, please correct and hand in again"),
        ThresholdNote => (
            "出勤率须达到 {0}%，且考核合格，方可获得证书。",
            "A certificate needs at least {0}% attendance and a pass.",
        ),
        ReturnedBecause => ("退回原因：{0}", "Returned because: {0}"),
        ColAttendance => ("出勤", "Attendance"),
        ColResult => ("考核结果", "Result"),
        ColQualified => ("是否可获证书", "Certificate due"),
        ColCertificate => ("证书编号", "Certificate number"),
        AttendanceRate => ("出勤 {0}/{1} 次（{2}%）", "Attended {0} of {1} ({2}%)"),
        Qualified => ("符合条件", "Qualifies"),
        ListSeparator => ("；", "; "),
        ReasonAttendance => ("出勤率未达到 {0}%", "Attendance below {0}%"),
        ReasonNotAssessed => ("尚未录入考核结果", "No result recorded yet"),
        ReasonNotPassed => ("考核不合格", "Did not pass the assessment"),
        ResultNone => ("尚未考核", "Not assessed yet"),
        ResultPassed => ("合格", "Passed"),
        ResultFailed => ("不合格", "Not passed"),
        ResultWithScore => ("{0}（{1} 分）", "{0} ({1} points)"),
        CompletionSubmitLead => (
            "所有课次结束并录入考核结果后，提交人社部门审核；审核通过后系统为合格学员发放证书。",
            "When every session is over and the results are in, hand the class in; once the bureau approves, qualifying trainees get their certificates.",
        ),
        SubmitCompletion => ("提交结业审核", "Hand in for review"),
        CompletionsTitle => ("结业审核", "Completion reviews"),
        CompletionsLead => (
            "以下班期已提交结业材料，请审核后发放证书或退回。",
            "These classes have been handed in; approve to issue certificates, or return them.",
        ),
        CompletionsEmpty => ("暂无待审核的结业申请。", "No classes are waiting for a completion review."),
        CompletionDecisionTitle => ("审核决定", "Decision"),
        CompletionDecisionLead => (
            "通过后将为符合条件的学员发放证书；退回时须填写原因。",
            "Approving issues certificates to qualifying trainees; returning needs a reason.",
        ),
        ReturnReason => ("意见或退回原因", "Comment or reason for returning"),
        ReturnReasonHint => ("退回时必填", "Required when returning"),
        ApproveCompletion => ("通过并发证", "Approve and issue certificates"),
        ReturnCompletion => ("退回", "Return"),
        IssuedCertificates => ("已发放的证书", "Certificates issued"),
        MyClassTitle => ("学习记录", "My record"),
        MyClassMissing => ("没有找到您在该班期的报名记录。", "You have no place in this class."),
        CertificateIssuedNote => ("恭喜！您已获得培训合格证书。", "Congratulations! Your certificate has been issued."),
        ViewCertificate => ("查看证书", "View certificate"),
        CheckinTitle => ("课堂签到", "Check in"),
        CheckinLead => ("上课时输入老师展示的 6 位签到码。", "Enter the 6-digit code shown in class."),
        CheckinCodeLabel => ("签到码", "Check-in code"),
        CheckinSubmit => ("签到", "Check in"),
        CheckedIn => ("签到成功：{0}", "Checked in: {0}"),
        MyAttendanceTitle => ("我的考勤", "My attendance"),
        ColSession => ("课次", "Session"),
        ColMark => ("出勤情况", "Attendance"),
        MyResultTitle => ("考核结果", "Assessment result"),
        CertificateTitle => ("创业培训合格证书", "Entrepreneurship Training Certificate"),
        CertificateBody => (
            "参加{0}培训，共 {1} 学时，经考核合格，特发此证。",
            "completed {0} training of {1} class hours and passed the final assessment.",
        ),
        CertHolder => ("持证人", "Holder"),
        CertInstitution => ("培训机构", "Training institution"),
        CertHours => ("学时", "Class hours"),
        CertIssuedOn => ("发证日期", "Issued on"),
        CertIssuer => ("发证机关", "Issued by"),
        IssuerName => ("{0}人力资源和社会保障局", "{0} Human Resources and Social Security Bureau"),
        CertNumber => ("证书编号", "Certificate number"),
        CertStatus => ("状态", "Status"),
        CertValid => ("有效", "Valid"),
        CertRevoked => ("已撤销", "Revoked"),
        CertUnknown => ("未找到该证书", "Certificate not found"),
        RevokedOn => ("已撤销（{0}）", "Revoked ({0})"),
        RevokeReasonWas => ("撤销原因：{0}", "Reason for revoking: {0}"),
        QrAlt => ("证书查验二维码", "QR code to verify this certificate"),
        QrCaption => ("扫码查验真伪", "Scan to verify"),
        PrintCertificate => ("打印证书", "Print certificate"),
        VerifyThis => ("在线查验", "Verify online"),
        RevokeTitle => ("撤销证书", "Revoke the certificate"),
        RevokeLead => (
            "撤销后证书查验将显示“已撤销”，持证人会收到通知。",
            "Once revoked, the public check shows “revoked” and the holder is told.",
        ),
        RevokeSubmit => ("撤销证书", "Revoke"),
        MyCertificatesTitle => ("我的证书", "My certificates"),
        MyCertificatesEmpty => (
            "您还没有培训合格证书。完成培训并考核合格后，证书会显示在这里。",
            "You have no certificates yet. They appear here once you complete a class and pass.",
        ),
        VerifyTitle => ("证书查验", "Verify a certificate"),
        VerifyLead => (
            "输入证书编号，查验马兰花创业培训合格证书的真伪，无需登录。",
            "Enter a certificate number to check a Malanhua training certificate. No sign-in needed.",
        ),
        VerifyNumberHint => ("例如 370200-2026-SYB-00001", "For example 370200-2026-SYB-00001"),
        VerifySubmit => ("查验", "Verify"),
        VerifyAbout => ("证书编号：{0}", "Certificate number: {0}"),
        VerifyUnknownHelp => (
            "请核对编号是否输入正确；如有疑问，请联系发证的人力资源和社会保障部门。",
            "Check the number was typed correctly; if in doubt, contact the issuing bureau.",
        ),

        NavMySubsidies => ("我的补贴", "My subsidies"),
        NavNotices => ("补贴公示", "Subsidy notice"),
        CardMySubsidiesBody => (
            "查看培训补贴的申请进度，了解每张证书能否享受补贴，申报重点群体身份。",
            "Follow your subsidy claims, see what each certificate earns and declare your priority groups.",
        ),
        CardMySubsidiesAction => ("查看我的补贴", "Open my subsidies"),
        CardBureauClaimsBody => (
            "审核{0}的培训补贴申请：初审、复审、公示与拨付。",
            "Review the training subsidy claims of {0}: review, approval, notice and payment.",
        ),
        CardBureauClaimsAction => ("进入补贴审核", "Open the claims"),
        CardBureauGroupsBody => ("核验学员申报的重点群体身份。", "Check the priority groups trainees declare."),
        CardBureauGroupsAction => ("核验重点群体", "Check declarations"),
        CardSubsidyPoliciesBody => {
            ("设置{0}各类课程的培训补贴标准。", "Set the training subsidy standards of {0} per course.")
        }
        CardSubsidyPoliciesAction => ("设置补贴标准", "Set the standards"),
        CardNoticesBody => (
            "培训补贴拨付前向社会公示，任何人都可以查看并提出异议。",
            "Subsidies are published before payment; anyone may read the list and object.",
        ),
        CardNoticesAction => ("查看公示", "Open the notice"),
        Cancel => ("取消", "Cancel"),
        ColAmount => ("金额", "Amount"),
        ColPayee => ("补贴对象", "Paid to"),
        ColClaimStatus => ("申报状态", "Claim status"),
        SubsidyAmount => ("补贴金额", "Subsidy amount"),
        FromDateOnward => ("{0} 起", "from {0}"),
        ViewClaim => ("查看申请", "View claim"),
        ViewAndSubmitClaim => ("查看并提交", "View and file"),
        Eligible => ("符合补贴条件", "Qualifies for a subsidy"),
        NotEligible => ("暂不符合补贴条件", "Does not qualify"),
        NoticeEndsOn => ("公示截止日期", "Notice ends on"),
        PaymentRef => ("拨付凭证号", "Payment reference"),
        PaidOn => ("拨付日期", "Paid on"),
        ClaimFiledAt => ("提交时间", "Filed at"),
        ActionReason => ("意见或原因", "Comment or reason"),
        MySubsidiesTitle => ("我的补贴", "My subsidies"),
        MySubsidiesLead => (
            "取得培训合格证书后，符合条件的重点群体可享受职业培训补贴。补贴由您本人或培训机构申请，经人社部门审核、公示后拨付。",
            "Once certified, trainees in a priority group may get a training subsidy. You or the institution file it; the bureau reviews, publishes and pays it.",
        ),
        MyClaimsTitle => ("补贴申请", "Subsidy claims"),
        MyClaimsEmpty => ("暂无补贴申请。", "No subsidy claims yet."),
        ClaimFiledDone => ("已为证书 {0} 提交补贴申请。", "Claim filed for certificate {0}."),
        EligibilityTitle => ("我的证书与补贴资格", "My certificates and subsidies"),
        EligibilityLead => (
            "系统按发证时的补贴政策逐张核对您的证书。不符合条件的，会列出具体原因。",
            "Each certificate is checked against the subsidy policy in force when it was issued; any reason it earns nothing is listed.",
        ),
        ClaimExists => ("已有补贴申请：", "A claim exists:"),
        WhoFiles => ("申请方式", "Who files"),
        FileClaim => ("申请补贴", "Claim the subsidy"),
        PriorityGroupsTitle => ("重点群体身份", "Priority groups"),
        PriorityGroupsLead => (
            "培训补贴面向重点群体。请申报您在培训期间所属的群体，人社部门会核验；未通过核验的不计入补贴资格。",
            "Training subsidies are for priority groups. Declare the groups you belonged to while training; the bureau checks them, and a rejected one does not count.",
        ),
        NoGroupsYet => ("您还没有申报重点群体身份。", "You have not declared a priority group yet."),
        DeclareGroupTitle => ("申报重点群体", "Declare a priority group"),
        DeclareGroupLead => (
            "请如实填写，并注明证明材料（如证件名称和编号），以便核验。",
            "Please be accurate and name your evidence (document and number) so it can be checked.",
        ),
        PriorityGroupLabel => ("群体类别", "Group"),
        GroupFrom => ("起始日期", "Held from"),
        GroupTo => ("截止日期", "Held until"),
        GroupToHint => ("仍属于该群体的可不填", "Leave empty if you still belong to it"),
        GroupEvidence => ("证明材料", "Evidence"),
        GroupEvidenceHint => ("例如：退役军人证 编号 12345", "For example: veteran's card no. 12345"),
        DeclareGroup => ("提交申报", "Declare"),
        GroupDeclared => ("已提交申报，等待人社部门核验。", "Declared; the bureau will check it."),
        GroupHeld => ("所属期间", "Period"),
        ClaimTitle => ("补贴申请", "Subsidy claim"),
        ClaimOf => ("{0} · {1}培训补贴", "{0} · {1} training subsidy"),
        ClaimFacts => ("申请信息", "Claim details"),
        EligibilityNow => ("当前补贴资格", "Eligibility now"),
        ClaimSubmitTitle => ("提交申请", "File the claim"),
        ClaimSubmitLead => {
            ("请核对以上信息，提交后由人社部门审核。", "Check the details above; once filed, the bureau reviews it.")
        }
        ClaimResubmitLead => (
            "申请已退回，请按退回原因补正后重新提交。",
            "The claim was returned; correct what the reason asks and file it again.",
        ),
        SubmitClaim => ("提交申请", "Submit claim"),
        ResubmitClaim => ("重新提交", "Resubmit"),
        ClaimSubmittedDone => ("申请已提交。", "Claim submitted."),
        ClaimActionsTitle => ("审核办理", "Officer actions"),
        ClaimActionsLead => (
            "初审、复审和拨付须由不同经办人办理。退回、不予补贴和处理异议须填写意见。",
            "Review, approval and payment need different officers. Returning, rejecting and resolving an objection need a comment.",
        ),
        ActionReasonHint => ("退回、不予补贴和处理异议时必填", "Required to return, reject or resolve an objection"),
        PaymentRefHint => (
            "银行或国库支付凭证号，4 到 64 位字母、数字、-、_ 或 /",
            "The bank or treasury reference: 4 to 64 letters, digits, -, _ or /",
        ),
        PaidOnHint => ("不填则为今天", "Today if left empty"),
        ClaimActionDone => ("已办理：{0}", "Done: {0}"),
        ClaimTimeline => ("办理记录", "History"),
        ActorSystem => ("系统", "System"),
        ActorPublic => ("社会公众", "Member of the public"),
        ClaimObjections => ("公示异议", "Objections"),
        ClaimDeclarations => ("学员申报的重点群体", "The trainee's priority groups"),
        NoObjections => ("公示期间未收到异议。", "No objections."),
        ObjectionContactShown => ("联系方式：{0}", "Contact: {0}"),
        ObjectionFinding => ("处理意见：{0}", "Finding: {0}"),
        ObjectionResolveHint => {
            ("在上方“意见或原因”中填写核查结论后处理。", "Write the finding under “Comment or reason” above first.")
        }
        DismissObjection => ("异议不成立", "Dismiss"),
        UpholdObjection => ("异议成立", "Uphold"),
        ObjectionDismissedDone => {
            ("已处理：异议不成立，申请恢复公示。", "Objection dismissed; the claim is back on notice.")
        }
        ObjectionUpheldDone => ("已处理：异议成立，申请不予补贴。", "Objection upheld; the claim is rejected."),
        BackToClaims => ("返回补贴审核", "Back to the claims"),
        BackToBatch => ("返回补贴申报", "Back to the batch"),
        BackToMySubsidies => ("返回我的补贴", "Back to my subsidies"),
        BatchTitle => ("补贴申报", "Subsidy claims"),
        BatchOf => ("补贴申报：{0}", "Subsidy claims: {0}"),
        BatchLead => (
            "以下为本班期每张合格证书的补贴情况。补贴由机构申领的，可一次性申报全部符合条件的学员。",
            "Each certificate of the class and its subsidy. Where the institution is paid, file every qualifying trainee at once.",
        ),
        BatchLinesTitle => ("证书与补贴", "Certificates and subsidies"),
        BatchEmpty => ("本班期尚未发放证书。", "No certificates have been issued for this class."),
        BatchReady => ("可申报", "Ready to file"),
        BatchTotal => ("合计（已申报）", "Total claimed"),
        BatchFileableCount => ("当前可申报 {0} 人。", "{0} can be filed now."),
        BatchFile => ("申报全部符合条件的学员", "File every qualifying trainee"),
        BatchFiled => ("本次已申报 {0} 人。", "{0} filed now."),
        BatchLink => ("补贴申报", "Subsidy claims"),
        SubsidyWorkTitle => ("培训补贴", "Training subsidies"),
        BureauClaimsTitle => ("补贴审核", "Subsidy claims"),
        BureauClaimsLead => (
            "按条件筛选本地区的补贴申请，可逐笔办理，也可勾选后批量办理。",
            "Filter the region's claims, act on one, or tick several and act on them together.",
        ),
        FiledFrom => ("提交日期从", "Filed from"),
        FiledTo => ("提交日期至", "Filed until"),
        MinYuan => ("最低金额（元）", "Amount at least (yuan)"),
        MaxYuan => ("最高金额（元）", "Amount at most (yuan)"),
        ClaimsListTitle => ("申请列表", "Claims"),
        ExportCsv => ("导出 CSV", "Export CSV"),
        ExportXlsx => ("导出 Excel", "Export Excel"),
        ClaimsEmpty => ("没有符合条件的补贴申请。", "No claims match."),
        ClaimsShown => ("已显示 {0} 笔，已选 {1} 笔", "{0} shown, {1} selected"),
        SelectAll => ("全选", "Select all"),
        SelectOne => ("选择", "Select"),
        SelectClaimOf => ("选择 {0} 的申请", "Select the claim of {0}"),
        LoadMore => ("加载更多", "Load more"),
        BulkTitle => ("批量办理", "Act on the selected claims"),
        BulkSelected => ("已选 {0} 笔申请。", "{0} claims selected."),
        BulkAction => ("办理操作", "Action"),
        BulkReasonHint => {
            ("退回或不予补贴时必填，适用于所选全部申请", "Required to return or reject; used for every selected claim")
        }
        BulkPaymentRefHint => ("确认拨付时必填", "Required to record a payment"),
        BulkApply => ("批量办理", "Apply to selected"),
        BulkSummary => ("成功 {0} 笔，失败 {1} 笔。", "{0} done, {1} failed."),
        BulkLine => ("{0}：{1}", "{0}: {1}"),
        BulkOk => ("已办理", "Done"),
        BulkOkNow => ("已办理，当前状态：{0}", "Done, now: {0}"),
        BureauGroupsTitle => ("重点群体审核", "Priority group checks"),
        BureauGroupsLead => (
            "核对学员申报的重点群体身份及证明材料。未通过的须说明原因，学员会收到通知。",
            "Check the groups trainees declare and their evidence. A rejection needs a reason, which the trainee is told.",
        ),
        NoDeclarations => ("暂无需要核验的申报。", "No declarations to check."),
        DeclaredAt => ("申报时间", "Declared at"),
        VerifyDeclaration => ("核验通过", "Verify"),
        RejectDeclaration => ("不予认定", "Reject"),
        RejectDeclarationTitle => ("不予认定", "Reject the declaration"),
        RejectDeclarationLead => (
            "请说明不予认定的原因，学员可据此补充材料后重新申报。",
            "Give the reason; the trainee can declare again with better evidence.",
        ),
        DeclarationVerifiedDone => ("已核验：{0}", "Verified: {0}"),
        DeclarationRejectedDone => ("已不予认定：{0}", "Rejected: {0}"),
        SubsidyPoliciesTitle => ("补贴标准", "Subsidy standards"),
        SubsidyPoliciesLead => (
            "{0}的培训补贴标准。新版本自生效日期起适用于发证日期在其后的证书；未单独设置的，沿用上级地区的标准。",
            "The training subsidy standards of {0}. A version applies to certificates issued from its date; without its own, a region uses the one above.",
        ),
        SubsidyVersionsTitle => ("现行及历史版本", "Versions"),
        NoSubsidyPolicies => ("本地区及上级地区尚未设置培训补贴标准。", "No subsidy standards are set here or above."),
        SubsidyOwn => ("本地区设置", "Set here"),
        SubsidyInherited => ("沿用{0}", "From {0}"),
        PolicyInUse => ("已有申请使用", "In use by claims"),
        PaidTo => ("补贴对象：{0}", "Paid to: {0}"),
        PolicyTerms => {
            ("发证后 {0} 个月内申请，公示 {1} 个工作日", "Claim within {0} months; {1} working days of notice")
        }
        OnePerYear => ("每人每年限享受一次", "One a year per person"),
        CopyToForm => ("以此为基础新建版本", "Use as a starting point"),
        SubsidyFormTitle => ("设置补贴标准", "Set a subsidy standard"),
        SubsidyFormLead => (
            "保存后自生效日期起执行。与已有版本生效日期相同且尚无申请使用的，将被替换。",
            "It applies from its effective date. A version with the same date and no claims yet is replaced.",
        ),
        EffectiveFrom => ("生效日期", "Effective from"),
        EffectiveFromHint => ("按证书发证日期适用", "Compared with the certificate's issue date"),
        EndsOnOptional => ("截止日期", "Ends on"),
        EndsOnHint => ("可不填；有新版本时自动截止", "Optional; a newer version ends it anyway"),
        AmountYuan => ("补贴金额（元）", "Amount (yuan)"),
        AmountYuanHint => ("例如 1500 或 1,500.00", "For example 1500 or 1,500.00"),
        EligibleGroups => ("适用的重点群体", "Groups covered"),
        ClaimWindowMonths => ("申请期限（发证后月数）", "Months to claim after the certificate"),
        NoticeDays => ("公示天数（工作日）", "Working days of notice"),
        OnePerYearLabel => {
            ("每人每年限享受一次培训补贴（不论课程）", "One training subsidy a year per person, whatever the course")
        }
        SaveSubsidyPolicy => ("保存补贴标准", "Save the standard"),
        SubsidyPolicySaved => ("已保存：{0}，自 {1} 起执行。", "Saved: {0}, from {1}."),
        PolicyEndsBeforeStart => ("截止日期不能早于生效日期。", "The end date cannot be before the effective date."),
        NoticesTitle => ("补贴公示", "Subsidy notice"),
        NoticesLead => (
            "以下培训补贴申请正在公示。如认为有不符合条件的情况，可在公示期内提出异议，人社部门将核查处理。",
            "These training subsidy claims are on public notice. If you believe one does not qualify, object before the notice ends and the bureau will look into it.",
        ),
        NoticeRegionHint => ("不选则显示全部地区", "All regions when none is chosen"),
        NoNotices => ("当前没有正在公示的补贴申请。", "No claims are on notice now."),
        NoticeHeld => ("异议处理中", "Objection under review"),
        ObjectButton => ("提出异议", "Object"),
        ObjectionTitle => ("对 {0} 的补贴提出异议", "Object to the subsidy of {0}"),
        ObjectionLead => (
            "请写明具体情况。您的联系方式仅供人社部门核实，不会公开。",
            "Please say what is wrong. Your contact is only for the bureau to check with you and is never published.",
        ),
        ObjectionText => ("异议内容", "What is wrong"),
        ObjectionContact => ("联系方式", "Contact"),
        ObjectionContactHint => ("手机号或电子邮箱", "A mobile number or e-mail"),
        SubmitObjection => ("提交异议", "Send objection"),
        ObjectionFiled => (
            "异议已提交，人社部门将进行核查，感谢您的监督。",
            "Your objection was sent; the bureau will look into it. Thank you.",
        ),

        NotFoundTitle => ("页面不存在", "Page not found"),
        NotFoundBody => ("您访问的页面不存在或已被移动。", "The page you asked for does not exist or has moved."),
        BackHome => ("返回首页", "Back to the home page"),
    }
}

/// The message for an API error code.
pub fn error_message(lang: Lang, code: ErrorCode) -> &'static str {
    let (zh, en) = match code {
        ErrorCode::ValidationFailed => {
            ("请修正下面标出的项目后再提交。", "Please correct the marked fields and try again.")
        }
        ErrorCode::MalformedBody => (
            "提交的内容格式有误，请刷新页面后重试。",
            "The request was not understood. Please reload the page and try again.",
        ),
        ErrorCode::Unauthenticated => ("请先登录。", "Please sign in."),
        ErrorCode::TokenExpired => ("登录已过期，请重新登录。", "Your session has expired. Please sign in again."),
        ErrorCode::InvalidCredentials => ("手机号或密码不正确。", "The mobile number or password is incorrect."),
        ErrorCode::Forbidden => ("您没有权限进行此操作。", "You do not have permission to do this."),
        ErrorCode::NotFound => ("未找到相关内容。", "Not found."),
        ErrorCode::MethodNotAllowed => ("不支持此操作。", "This operation is not supported."),
        ErrorCode::MobileTaken => ("该手机号已注册。", "This mobile number is already registered."),
        ErrorCode::ResidentIdTaken => {
            ("该身份证号已绑定其他账号。", "This resident ID is already linked to another account.")
        }
        ErrorCode::Conflict => (
            "操作与当前状态冲突，请刷新后重试。",
            "This conflicts with the current state. Please reload and try again.",
        ),
        ErrorCode::PayloadTooLarge => ("提交的内容过大。", "What you sent is too large."),
        ErrorCode::Unprocessable => ("请求无法处理。", "The request could not be processed."),
        ErrorCode::UnsupportedMediaType => ("提交的内容类型不受支持。", "This kind of content is not supported."),
        ErrorCode::TooManyAttempts => ("尝试次数过多，请稍后再试。", "Too many attempts. Please wait and try again."),
        ErrorCode::ProfileIncomplete => (
            "请先完善实名信息（姓名、居民身份证号和所在地区）后再报名。",
            "Please complete your real-name profile (name, resident ID and home region) before enrolling.",
        ),
        ErrorCode::EnrolmentClosed => {
            ("该班期当前不在报名时间内，无法报名。", "This class is not taking enrolments at the moment.")
        }
        ErrorCode::AlreadyEnrolled => {
            ("您已报名该班期或已在候补名单中。", "You already hold a place or a waitlist spot in this class.")
        }
        ErrorCode::ScheduleClash => (
            "该班期与您已报名的另一个班期上课时间冲突。",
            "This class's sessions overlap with another class you are enrolled in.",
        ),
        ErrorCode::NotEligible => (
            "该证书不符合补贴条件，请查看列出的原因。",
            "This certificate does not qualify for a subsidy; see the reasons listed.",
        ),
        ErrorCode::SeparationOfDuties => (
            "同一笔申请的初审、复审与拨付须由不同经办人办理。",
            "Review, approval and payment of one claim must be done by different officers.",
        ),
        ErrorCode::NoticeRunning => (
            "公示期尚未结束，或有异议待处理，暂不能拨付。",
            "The public notice has not ended, or an objection is open; it cannot be paid yet.",
        ),
        ErrorCode::IdempotencyKeyReused => {
            ("该请求编号已用于另一项不同的操作。", "This request key was already used for a different request.")
        }
        ErrorCode::RequestInProgress => {
            ("相同的请求正在处理中，请稍候刷新。", "The same request is still being processed; refresh in a moment.")
        }
        ErrorCode::WrongState => (
            "当前状态下不能进行此操作，请刷新页面查看最新状态。",
            "This cannot be done in the current state. Please reload the page to see the latest.",
        ),
        ErrorCode::NoPolicy => (
            "本地区尚未设置该课程的培训政策，请联系当地人社局。",
            "No course policy is in force for this course in the region yet; please contact the local bureau.",
        ),
        ErrorCode::CheckinClosed => {
            ("现在不在签到时间内，签到只在上课前后开放。", "Check-in is only open around the session's time.")
        }
        ErrorCode::PrerequisiteMissing => (
            "报名该课程需要先取得 GYB 或 SYB 创业培训合格证书。",
            "This course needs an earlier GYB or SYB training certificate.",
        ),
        ErrorCode::Internal => {
            ("服务器出错，请稍后再试。", "Something went wrong on the server. Please try again later.")
        }
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The generic message for a field code.
pub fn field_code_message(lang: Lang, code: FieldCode) -> &'static str {
    let (zh, en) = match code {
        FieldCode::Required => ("此项为必填项。", "This field is required."),
        FieldCode::TooShort => ("内容太短。", "This is too short."),
        FieldCode::TooLong => ("内容太长。", "This is too long."),
        FieldCode::InvalidFormat => ("格式不正确。", "This is not in the expected format."),
        FieldCode::InvalidChecksum => {
            ("校验位不正确，请核对号码。", "The check character does not match; please check the number.")
        }
        FieldCode::InvalidDate => ("日期无效。", "This is not a valid date."),
        FieldCode::UnknownRegion => ("未找到该地区。", "This region is not known."),
        FieldCode::InvalidRegion => ("地区代码无效。", "This is not a valid region code."),
        FieldCode::CommonPassword => (
            "密码过于常见，容易被猜到，请换一个。",
            "This password is too common and easy to guess; please choose another.",
        ),
        FieldCode::PasswordIsMobile => ("密码不能包含手机号。", "The password must not contain the mobile number."),
        FieldCode::Taken => ("已被其他账号使用。", "This is already used by another account."),
        FieldCode::NotAllowed => ("此项不能在这里填写或修改。", "This cannot be given or changed here."),
        FieldCode::OutOfRange => ("超出允许的范围。", "This is outside the allowed range."),
        FieldCode::NotInOrder => ("时间或日期的先后顺序不对。", "This comes before the time or date it must follow."),
        FieldCode::Overlapping => ("与另一次课的时间重叠。", "This overlaps with another session."),
        FieldCode::TooFewHours => {
            ("课时总数少于政策要求的最少学时。", "The sessions add up to fewer hours than the policy requires.")
        }
        FieldCode::TooLate => {
            ("提交太晚：政策要求在开课前更早提出申请。", "Too late: the policy needs more notice before the start.")
        }
        FieldCode::UnknownReference => {
            ("所选内容不存在或不能使用。", "The chosen item does not exist or cannot be used.")
        }
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The message for `code` on the field named `field` (the API's field
/// name), more precise than [`field_code_message`] where it helps.
/// Row fields (`sessions[2].ends_at`) share the messages of
/// `sessions[].ends_at`.
pub fn field_message(lang: Lang, field: &str, code: FieldCode) -> String {
    let zh = lang == Lang::Zh;
    let field = list_field(field);
    let pick = |zh_text: &str, en_text: &str| Some(if zh { zh_text } else { en_text }.to_owned());
    let specific: Option<String> = match (field.as_str(), code) {
        ("mobile", FieldCode::InvalidFormat) => Some(
            if zh {
                "请输入 11 位中国大陆手机号。"
            } else {
                "Enter an 11-digit mainland China mobile number."
            }
            .to_owned(),
        ),
        ("mobile", FieldCode::Taken) => {
            Some(if zh { "该手机号已注册。" } else { "This mobile number is already registered." }.to_owned())
        }
        ("password", FieldCode::TooShort) => Some(if zh {
            format!("密码至少 {MIN_CHARS} 个字符。")
        } else {
            format!("The password needs at least {MIN_CHARS} characters.")
        }),
        ("password", FieldCode::TooLong) => Some(if zh {
            format!("密码最多 {MAX_CHARS} 个字符。")
        } else {
            format!("The password may have at most {MAX_CHARS} characters.")
        }),
        ("password", FieldCode::Required) => {
            Some(if zh { "请输入密码。" } else { "Please enter a password." }.to_owned())
        }
        ("real_name", FieldCode::TooShort) => {
            Some(if zh { "姓名至少 2 个字。" } else { "The name needs at least 2 characters." }.to_owned())
        }
        ("real_name", FieldCode::TooLong) => {
            Some(if zh { "姓名最多 30 个字。" } else { "The name may have at most 30 characters." }.to_owned())
        }
        ("real_name", FieldCode::InvalidFormat) => Some(
            if zh {
                "姓名不能包含数字或控制字符。"
            } else {
                "The name must not contain digits or control characters."
            }
            .to_owned(),
        ),
        ("resident_id", FieldCode::InvalidFormat) => Some(
            if zh {
                "身份证号应为 18 位，前 17 位是数字，最后一位是数字或 X。"
            } else {
                "A resident ID has 18 characters: 17 digits and a final digit or X."
            }
            .to_owned(),
        ),
        ("resident_id", FieldCode::InvalidRegion) => Some(
            if zh {
                "身份证号前 6 位不是有效的地区代码。"
            } else {
                "The first 6 digits of the resident ID are not a valid region code."
            }
            .to_owned(),
        ),
        ("resident_id", FieldCode::InvalidDate) => Some(
            if zh {
                "身份证号中的出生日期无效。"
            } else {
                "The date of birth in the resident ID is not valid."
            }
            .to_owned(),
        ),
        ("resident_id", FieldCode::InvalidChecksum) => Some(
            if zh {
                "身份证号校验位不正确，请核对后重新输入。"
            } else {
                "The resident ID's check character does not match; please check the number."
            }
            .to_owned(),
        ),
        ("resident_id", FieldCode::Taken) => Some(
            if zh {
                "该身份证号已绑定其他账号。"
            } else {
                "This resident ID is already linked to another account."
            }
            .to_owned(),
        ),
        ("resident_id", FieldCode::NotAllowed) => Some(
            if zh {
                "身份证号保存后不能自行修改，如需更正请联系当地人社部门。"
            } else {
                "A saved resident ID cannot be changed here; ask your local bureau to correct it."
            }
            .to_owned(),
        ),
        ("region", FieldCode::Required) => Some(if zh { "请选择地区。" } else { "Please choose a region." }.to_owned()),
        ("institution_name", FieldCode::TooShort) => {
            Some(if zh { "机构名称至少 2 个字。" } else { "The name needs at least 2 characters." }.to_owned())
        }
        ("institution_name", FieldCode::TooLong) => {
            Some(if zh { "机构名称最多 100 个字。" } else { "The name may have at most 100 characters." }.to_owned())
        }
        ("name", FieldCode::TooShort) => pick("姓名至少 2 个字。", "The name needs at least 2 characters."),
        ("name", FieldCode::TooLong) => pick("姓名最多 30 个字。", "The name may have at most 30 characters."),
        ("name", FieldCode::InvalidFormat) => {
            pick("姓名不能包含数字或控制字符。", "The name must not contain digits or control characters.")
        }
        ("qualification_no", FieldCode::InvalidFormat) => pick(
            "证书编号应为 4 到 40 位字母、数字或连字符。",
            "The certificate number has 4 to 40 letters, digits or hyphens.",
        ),
        ("qualification_no", FieldCode::Taken) => {
            pick("该证书编号已登记过讲师。", "A trainer with this certificate number is already registered.")
        }
        ("kind", _) => pick("请选择课程类型。", "Please choose a course."),
        ("mode", _) => pick("请选择线上或线下。", "Please choose online or offline."),
        ("title", FieldCode::TooShort) => pick("班期名称至少 2 个字。", "The title needs at least 2 characters."),
        ("title", FieldCode::TooLong) => pick("班期名称最多 100 个字。", "The title may have at most 100 characters."),
        ("trainer_ids", FieldCode::Required) => pick("请至少选择一名讲师。", "Please choose at least one trainer."),
        ("trainer_ids", FieldCode::UnknownReference) => pick(
            "所选讲师不属于本机构，请刷新页面后重新选择。",
            "A chosen trainer is not one of your institution's; reload the page and choose again.",
        ),
        ("place", FieldCode::Required) => pick("线下班请填写上课地点。", "A classroom class needs a venue."),
        ("place", FieldCode::TooLong) => pick("上课地点最多 200 个字。", "The venue may have at most 200 characters."),
        ("capacity", FieldCode::OutOfRange) => pick(
            "班级人数应至少为 1，且不超过本地区政策规定的每班人数上限。",
            "Seats must be at least 1 and no more than the region's policy allows per class.",
        ),
        ("enrol_opens_at" | "enrol_closes_at", FieldCode::Required) => {
            pick("请选择日期和时间。", "Please choose a date and time.")
        }
        ("enrol_closes_at", FieldCode::NotInOrder) => {
            pick("报名截止时间应晚于报名开始时间。", "Enrolment must close after it opens.")
        }
        ("enrol_closes_at", FieldCode::OutOfRange) => {
            pick("报名应在第一次课开始前截止。", "Enrolment must close before the first session starts.")
        }
        ("starts_on" | "ends_on", FieldCode::Required) => pick("请选择日期。", "Please choose a date."),
        ("ends_on", FieldCode::NotInOrder) => {
            pick("结业日期不能早于开班日期。", "The last day cannot be before the first day.")
        }
        ("starts_on", FieldCode::TooLate) => pick(
            "开班日期太近：本地区政策要求提前更多天提交开班申请。",
            "The first day is too soon: the region's policy needs more days of notice.",
        ),
        ("sessions", FieldCode::Required) => pick("请至少添加一次课。", "Please add at least one session."),
        ("sessions", FieldCode::TooFewHours) => pick(
            "课时总数少于本地区政策要求的最少学时，请增加课程安排。",
            "The sessions add up to fewer hours than the region's policy requires; add more.",
        ),
        ("sessions[].starts_at", FieldCode::Required) => {
            pick("请填写上课日期和上课时间。", "Please give the date and the start time.")
        }
        ("sessions[].ends_at", FieldCode::Required) => {
            pick("请填写上课日期和下课时间。", "Please give the date and the end time.")
        }
        ("sessions[].starts_at", FieldCode::OutOfRange) => {
            pick("上课日期应在开班日期和结业日期之间。", "The session must fall between the first and last day.")
        }
        ("sessions[].starts_at", FieldCode::Overlapping) => {
            pick("与另一次课的时间重叠。", "This session overlaps with another one.")
        }
        ("sessions[].ends_at", FieldCode::NotInOrder) => {
            pick("下课时间应晚于上课时间。", "The session must end after it starts.")
        }
        ("sessions[].topic", FieldCode::Required) => pick("请填写本次课的内容。", "Please give the session's topic."),
        ("sessions[].topic", FieldCode::TooLong) => {
            pick("内容最多 100 个字。", "The topic may have at most 100 characters.")
        }
        ("business_licence", FieldCode::Required) => pick(
            "本课程需要填写营业执照上的统一社会信用代码。",
            "This course needs the unified social credit code from your business licence.",
        ),
        ("business_licence", FieldCode::InvalidFormat) => pick(
            "统一社会信用代码应为 18 位数字或大写字母。",
            "A unified social credit code has 18 digits or capital letters.",
        ),
        ("business_licence", FieldCode::InvalidChecksum) => pick(
            "统一社会信用代码校验位不正确，请核对营业执照。",
            "The code's check character does not match; please check your licence.",
        ),
        ("reason", FieldCode::Required) => pick("请填写原因。", "Please give a reason."),
        ("reason", FieldCode::TooShort) => pick("原因至少 2 个字。", "The reason needs at least 2 characters."),
        ("reason", FieldCode::TooLong) => pick("原因最多 500 个字。", "The reason may have at most 500 characters."),
        ("code", FieldCode::Required) => pick("请输入签到码。", "Please enter the check-in code."),
        ("code", FieldCode::InvalidFormat) => pick(
            "签到码不正确，请核对课堂上展示的 6 位数字。",
            "That code is not right; check the 6 digits shown in class.",
        ),
        ("results[].score", FieldCode::OutOfRange) => {
            pick("分数须在 0 到 100 之间。", "The score must be from 0 to 100.")
        }
        ("results[].score", FieldCode::InvalidFormat) => pick("请输入整数分数。", "Enter the score as a whole number."),
        ("number", FieldCode::Required) => pick("请输入证书编号。", "Please enter the certificate number."),
        ("min_hours", FieldCode::OutOfRange) => pick("学时应在 1 到 500 之间。", "Hours must be between 1 and 500."),
        ("max_class_size", FieldCode::OutOfRange) => {
            pick("人数应在 1 到 500 之间。", "The class size must be between 1 and 500.")
        }
        ("opening_lead_days", FieldCode::OutOfRange) => {
            pick("天数应在 0 到 90 之间。", "The days must be between 0 and 90.")
        }
        ("attendance_threshold_pct", FieldCode::OutOfRange) => {
            pick("出勤率应在 1 到 100 之间。", "Attendance must be between 1 and 100.")
        }
        ("group", FieldCode::Required) => pick("请选择群体类别。", "Please choose a group."),
        ("valid_from", FieldCode::Required) => pick("请选择起始日期。", "Please choose the date it started."),
        ("valid_to", FieldCode::NotInOrder) => {
            pick("截止日期不能早于起始日期。", "The end date cannot be before the start date.")
        }
        ("evidence", FieldCode::Required) => pick("请填写证明材料。", "Please name your evidence."),
        ("evidence", FieldCode::TooShort) => {
            pick("证明材料说明至少 2 个字。", "The evidence needs at least 2 characters.")
        }
        ("evidence", FieldCode::TooLong) => {
            pick("证明材料说明最多 200 个字。", "The evidence may have at most 200 characters.")
        }
        ("effective_from", FieldCode::Required) => pick("请选择生效日期。", "Please choose the effective date."),
        ("amount_fen", FieldCode::Required) => pick("请填写补贴金额。", "Please give the amount."),
        ("amount_fen" | "min_fen" | "max_fen", FieldCode::InvalidFormat) => pick(
            "请以元为单位填写金额，最多两位小数，例如 1500 或 1500.50。",
            "Enter the amount in yuan with at most two decimals, e.g. 1500 or 1500.50.",
        ),
        ("amount_fen", FieldCode::OutOfRange) => {
            pick("金额应在 0 到 1,000,000 元之间。", "The amount must be from 0 to 1,000,000 yuan.")
        }
        ("max_fen", FieldCode::NotInOrder) => {
            pick("最高金额不能低于最低金额。", "The largest amount cannot be below the least.")
        }
        ("payee", FieldCode::Required) => pick("请选择补贴对象。", "Please choose who is paid."),
        ("eligible_groups", FieldCode::Required) => {
            pick("请至少选择一个重点群体。", "Please choose at least one group.")
        }
        ("claim_window_months", FieldCode::Required) => pick("请填写申请期限。", "Please give the months to claim."),
        ("claim_window_months", FieldCode::OutOfRange) => {
            pick("申请期限应为 1 到 36 个月。", "The months to claim must be from 1 to 36.")
        }
        ("notice_days", FieldCode::Required) => pick("请填写公示天数。", "Please give the days of notice."),
        ("notice_days", FieldCode::OutOfRange) => {
            pick("公示天数应为 1 到 30 个工作日。", "The notice must last 1 to 30 working days.")
        }
        ("payment_ref", FieldCode::Required) => pick("请填写拨付凭证号。", "Please give the payment reference."),
        ("payment_ref", FieldCode::TooShort) => {
            pick("凭证号至少 4 个字符。", "The reference needs at least 4 characters.")
        }
        ("payment_ref", FieldCode::TooLong) => {
            pick("凭证号最多 64 个字符。", "The reference may have at most 64 characters.")
        }
        ("payment_ref", FieldCode::InvalidFormat) => {
            pick("凭证号只能包含字母、数字、-、_ 或 /。", "The reference may only have letters, digits, -, _ or /.")
        }
        ("action", FieldCode::Required) => pick("请选择办理操作。", "Please choose an action."),
        ("claim_ids", FieldCode::Required) => pick("请至少勾选一笔申请。", "Please select at least one claim."),
        ("text", FieldCode::Required) => pick("请填写异议内容。", "Please say what is wrong."),
        ("text", FieldCode::TooShort) => pick("异议内容至少 5 个字。", "Please write at least 5 characters."),
        ("text", FieldCode::TooLong) => pick("异议内容最多 1000 个字。", "Please write at most 1000 characters."),
        ("contact", FieldCode::Required) => {
            pick("请留下联系方式，以便核实。", "Please leave a contact so the bureau can check with you.")
        }
        ("contact", FieldCode::TooShort) => pick("联系方式至少 5 个字符。", "The contact needs at least 5 characters."),
        ("contact", FieldCode::TooLong) => {
            pick("联系方式最多 100 个字符。", "The contact may have at most 100 characters.")
        }
        ("certificate_number", FieldCode::Required) => pick("请输入证书编号。", "Please enter the certificate number."),
        (_, FieldCode::InvalidFormat) if field.starts_with("min_") || field.contains("_days") => {
            pick("请填写整数。", "Please enter a whole number.")
        }
        _ => None,
    };
    specific.unwrap_or_else(|| field_code_message(lang, code).to_owned())
}

/// `sessions[2].ends_at` as `sessions[].ends_at`: a row field without its
/// index, so every row shares one message.
fn list_field(field: &str) -> String {
    match (field.find('['), field.find(']')) {
        (Some(open), Some(close)) if open < close => format!("{}[]{}", &field[..open], &field[close + 1..]),
        _ => field.to_owned(),
    }
}

/// The name of a role.
pub fn role_name(lang: Lang, role: Role) -> &'static str {
    let (zh, en) = match role {
        Role::Trainee => ("学员", "Trainee"),
        Role::InstitutionStaff => ("培训机构工作人员", "Institution staff"),
        Role::Mentor => ("创业导师", "Mentor"),
        Role::BureauOfficer => ("人社局经办人员", "Bureau officer"),
        Role::Admin => ("系统管理员", "Administrator"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The name of a gender.
pub fn gender_name(lang: Lang, gender: Gender) -> &'static str {
    match (lang, gender) {
        (Lang::Zh, Gender::Male) => "男",
        (Lang::Zh, Gender::Female) => "女",
        (Lang::En, Gender::Male) => "Male",
        (Lang::En, Gender::Female) => "Female",
    }
}

/// A date as people write it in `lang`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// A time, in Asia/Shanghai, as people write it in `lang`.
pub fn datetime(lang: Lang, at: DateTime<Utc>) -> String {
    let local = in_shanghai(at);
    format!("{} {}", date(lang, local.date_naive()), local.format("%H:%M"))
}

/// The day of the week, short.
pub fn weekday(lang: Lang, d: NaiveDate) -> &'static str {
    let (zh, en) = match d.weekday() {
        Weekday::Mon => ("周一", "Mon"),
        Weekday::Tue => ("周二", "Tue"),
        Weekday::Wed => ("周三", "Wed"),
        Weekday::Thu => ("周四", "Thu"),
        Weekday::Fri => ("周五", "Fri"),
        Weekday::Sat => ("周六", "Sat"),
        Weekday::Sun => ("周日", "Sun"),
    };
    pick(lang, zh, en)
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The full name of a course kind.
pub fn kind_name(lang: Lang, kind: CourseKind) -> &'static str {
    let (zh, en) = match kind {
        CourseKind::Gyb => ("GYB 产生你的企业想法", "GYB Generate Your Business Idea"),
        CourseKind::Syb => ("SYB 创办你的企业", "SYB Start Your Business"),
        CourseKind::Iyb => ("IYB 改善你的企业", "IYB Improve Your Business"),
        CourseKind::Eyb => ("EYB 扩大你的企业", "EYB Expand Your Business"),
        CourseKind::OnlineVenture => ("网络创业培训", "Online business training"),
        CourseKind::Simulation => ("创业模拟实训", "Business simulation"),
    };
    pick(lang, zh, en)
}

/// The short name of a course kind, for badges.
pub fn kind_short(lang: Lang, kind: CourseKind) -> &'static str {
    let (zh, en) = match kind {
        CourseKind::Gyb => ("GYB", "GYB"),
        CourseKind::Syb => ("SYB", "SYB"),
        CourseKind::Iyb => ("IYB", "IYB"),
        CourseKind::Eyb => ("EYB", "EYB"),
        CourseKind::OnlineVenture => ("网络创业", "Online"),
        CourseKind::Simulation => ("模拟实训", "Simulation"),
    };
    pick(lang, zh, en)
}

/// Online or offline.
pub fn mode_name(lang: Lang, mode: ClassMode) -> &'static str {
    match mode {
        ClassMode::Offline => pick(lang, "线下面授", "In a classroom"),
        ClassMode::Online => pick(lang, "线上授课", "Online"),
    }
}

/// The status of a class.
pub fn class_status_name(lang: Lang, status: ClassStatus) -> &'static str {
    match status {
        ClassStatus::Pending => pick(lang, "待审批", "Awaiting approval"),
        ClassStatus::Approved => pick(lang, "已批准", "Approved"),
        ClassStatus::Rejected => pick(lang, "未获批准", "Rejected"),
        ClassStatus::Cancelled => pick(lang, "已取消", "Cancelled"),
    }
}

/// The status of a trainee's place.
pub fn enrolment_status_name(lang: Lang, status: EnrolmentStatus) -> &'static str {
    match status {
        EnrolmentStatus::Enrolled => pick(lang, "已报名", "Enrolled"),
        EnrolmentStatus::Waitlisted => pick(lang, "候补中", "On the waitlist"),
        EnrolmentStatus::Withdrawn => pick(lang, "已退出", "Withdrawn"),
        EnrolmentStatus::Cancelled => pick(lang, "班期已取消", "Class cancelled"),
    }
}

/// The stage of a subsidy claim.
pub fn claim_status_name(lang: Lang, status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Draft => pick(lang, "待提交", "Draft, not filed"),
        ClaimStatus::Submitted => pick(lang, "已提交，待初审", "Filed, awaiting review"),
        ClaimStatus::Reviewed => pick(lang, "初审通过，待复审", "Reviewed, awaiting approval"),
        ClaimStatus::Approved => pick(lang, "复审通过，待公示", "Approved, awaiting notice"),
        ClaimStatus::Notice => pick(lang, "公示中", "On public notice"),
        ClaimStatus::Held => pick(lang, "异议处理中", "Objection under review"),
        ClaimStatus::Paid => pick(lang, "已拨付", "Paid"),
        ClaimStatus::Returned => pick(lang, "已退回补正", "Returned for correction"),
        ClaimStatus::Rejected => pick(lang, "不予补贴", "Rejected"),
    }
}

/// What an officer does to a claim, as a button label.
pub fn claim_action_name(lang: Lang, action: ClaimAction) -> &'static str {
    match action {
        ClaimAction::Review => pick(lang, "初审通过", "Pass review"),
        ClaimAction::Approve => pick(lang, "复审通过", "Approve"),
        ClaimAction::Publish => pick(lang, "发布公示", "Publish notice"),
        ClaimAction::Pay => pick(lang, "确认拨付", "Record payment"),
        ClaimAction::Return => pick(lang, "退回补正", "Return for correction"),
        ClaimAction::Reject => pick(lang, "不予补贴", "Reject"),
    }
}

/// Why a certificate earns no subsidy, in plain words.
pub fn ineligible_reason_text(lang: Lang, reason: IneligibleReason) -> &'static str {
    match reason {
        IneligibleReason::CertificateMissing => pick(lang, "未找到该证书。", "The certificate could not be found."),
        IneligibleReason::CertificateRevoked => pick(lang, "该证书已被撤销。", "The certificate has been revoked."),
        IneligibleReason::ClassNotApprovedBeforeStart => pick(
            lang,
            "该班期未在开班前获得人社部门批准。",
            "The class was not approved by the bureau before it started.",
        ),
        IneligibleReason::NoEligibleGroup => pick(
            lang,
            "培训时您不属于补贴政策覆盖的重点群体（或尚未申报）。",
            "On the training date you were not in a group the policy covers (or have not declared one).",
        ),
        IneligibleReason::GroupNotVerified => pick(
            lang,
            "所申报的重点群体身份尚未经人社部门核验，核验通过后方可复审、公示和拨付。",
            "The declared priority group has not been verified by the bureau yet; approval, notice and payment wait for it.",
        ),
        IneligibleReason::WindowExpired => pick(
            lang,
            "已超过发证后的补贴申请期限。",
            "The time allowed for claiming after the certificate has passed.",
        ),
        IneligibleReason::AlreadySubsidised => pick(
            lang,
            "您已就同类课程享受过（或正在申请）培训补贴。",
            "You have already had (or are claiming) a subsidy for this course.",
        ),
        IneligibleReason::AlreadySubsidisedThisYear => pick(
            lang,
            "按本地政策每人每年只能享受一次培训补贴，本年度已有补贴。",
            "The local policy allows one training subsidy a year, and there is one for that year.",
        ),
        IneligibleReason::NoPolicy => pick(
            lang,
            "发证时本地区没有适用的培训补贴政策。",
            "No training subsidy policy was in force in the region on the certificate date.",
        ),
        IneligibleReason::PayeeMismatch => {
            pick(lang, "按政策该补贴由另一方申请领取。", "Under the policy this subsidy is claimed by someone else.")
        }
    }
}

/// The name of a priority group (重点群体).
pub fn priority_group_name(lang: Lang, group: PriorityGroup) -> &'static str {
    match group {
        PriorityGroup::GraduatingStudent => pick(lang, "毕业年度高校毕业生", "Graduating university student"),
        PriorityGroup::RecentGraduate => pick(lang, "离校 2 年内高校毕业生", "Graduate within 2 years of leaving"),
        PriorityGroup::RegisteredUnemployed => pick(lang, "登记失业人员", "Registered unemployed"),
        PriorityGroup::RuralMigrantWorker => pick(lang, "农民工", "Rural migrant worker"),
        PriorityGroup::Veteran => pick(lang, "退役军人", "Veteran"),
        PriorityGroup::Disabled => pick(lang, "残疾人", "Person with a disability"),
        PriorityGroup::HardshipJobSeeker => pick(lang, "就业困难人员", "Job seeker facing hardship"),
        PriorityGroup::PovertyMonitored => {
            pick(lang, "脱贫人口或防止返贫监测对象", "Lifted out of poverty or monitored against relapse")
        }
    }
}

/// Who receives a subsidy.
pub fn payee_name(lang: Lang, payee: Payee) -> &'static str {
    match payee {
        Payee::Institution => pick(lang, "培训机构", "The training institution"),
        Payee::Trainee => pick(lang, "学员本人", "The trainee"),
    }
}

/// Who files the claim, as a sentence for the trainee.
pub fn payee_files(lang: Lang, payee: Payee) -> &'static str {
    match payee {
        Payee::Institution => pick(
            lang,
            "由培训机构统一申报并领取，您无需操作。",
            "The institution files and receives it; nothing to do for you.",
        ),
        Payee::Trainee => pick(lang, "由您本人申请并领取。", "You file and receive it yourself."),
    }
}

/// Where a priority-group declaration stands.
pub fn declaration_status_name(lang: Lang, status: DeclarationStatus) -> &'static str {
    match status {
        DeclarationStatus::Declared => pick(lang, "已申报，待核验", "Declared, to be checked"),
        DeclarationStatus::Verified => pick(lang, "已核验", "Verified"),
        DeclarationStatus::Rejected => pick(lang, "未通过核验", "Rejected"),
    }
}

/// Where an objection stands.
pub fn objection_status_name(lang: Lang, status: ObjectionStatus) -> &'static str {
    match status {
        ObjectionStatus::Open => pick(lang, "待处理", "Open"),
        ObjectionStatus::Dismissed => pick(lang, "异议不成立", "Dismissed"),
        ObjectionStatus::Upheld => pick(lang, "异议成立", "Upheld"),
    }
}

/// A step of a claim's history (`claim.review`...), in words; an unknown
/// action is shown as sent.
pub fn timeline_action_name(lang: Lang, action: &str) -> String {
    let (zh, en) = match action {
        "claim.draft" => ("系统生成补贴申请（免申即享）", "Claim drafted by the system"),
        "claim.file" => ("提交补贴申请", "Claim filed"),
        "claim.submit" => ("提交补贴申请", "Claim filed"),
        "claim.resubmit" => ("补正后重新提交", "Resubmitted after correction"),
        "claim.review" => ("初审通过", "Review passed"),
        "claim.approve" => ("复审通过", "Approved"),
        "claim.publish" => ("发布公示", "Published on notice"),
        "claim.pay" => ("确认拨付", "Paid"),
        "claim.return" => ("退回补正", "Returned for correction"),
        "claim.reject" => ("不予补贴", "Rejected"),
        "claim.objection" => ("收到公示异议", "Objection received"),
        "claim.objection_dismissed" => ("异议不成立，恢复公示", "Objection dismissed, notice resumed"),
        "claim.objection_upheld" => ("异议成立，不予补贴", "Objection upheld, claim rejected"),
        other => return other.to_owned(),
    };
    pick(lang, zh, en).to_owned()
}

/// What a notification says, by its kind, with `title` the class.
pub fn notification_text(lang: Lang, kind: &str, title: &str) -> String {
    let (zh, en) = match kind {
        "class_approved" => ("开班申请已获批准：{0}", "Opening request approved: {0}"),
        "class_rejected" => ("开班申请未获批准：{0}", "Opening request rejected: {0}"),
        "enrolled" => ("报名成功：{0}", "You are enrolled: {0}"),
        "waitlisted" => ("已进入候补名单：{0}", "You are on the waitlist: {0}"),
        "promoted" => ("候补成功，您已获得名额：{0}", "A seat came free and is yours: {0}"),
        "class_cancelled" => ("班期已取消：{0}", "Class cancelled: {0}"),
        "certificate_issued" => ("培训合格证书已发放：{0}", "Your certificate has been issued: {0}"),
        "certificate_revoked" => ("培训合格证书已被撤销：{0}", "Your certificate has been revoked: {0}"),
        "completion_returned" => (
            "结业审核被退回，请修改后重新提交：{0}",
            "Completion review returned, please correct and hand in again: {0}",
        ),
        "claim_drafted" => (
            "已为您的培训合格证书生成补贴申请，请查看并提交：{0}",
            "A subsidy claim was drafted for your certificate; please check and file it: {0}",
        ),
        "claim_returned" => {
            ("补贴申请被退回，请补正后重新提交：{0}", "Subsidy claim returned, please correct and resubmit: {0}")
        }
        "claim_rejected" => ("补贴申请未获通过：{0}", "Subsidy claim rejected: {0}"),
        "claim_paid" => ("培训补贴已拨付：{0}", "Training subsidy paid: {0}"),
        _ => ("班期动态：{0}", "Class update: {0}"),
    };
    fill(pick(lang, zh, en), &[title])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_session_row_shares_the_row_message() {
        assert_eq!(list_field("sessions[12].ends_at"), "sessions[].ends_at");
        assert_eq!(list_field("capacity"), "capacity");
        let zh = field_message(Lang::Zh, "sessions[3].ends_at", FieldCode::NotInOrder);
        assert_eq!(zh, field_message(Lang::Zh, "sessions[0].ends_at", FieldCode::NotInOrder));
        assert_ne!(zh, field_code_message(Lang::Zh, FieldCode::NotInOrder));
    }

    #[test]
    fn every_error_and_field_code_reads_differently_in_each_language() {
        for code in ErrorCode::ALL {
            assert_ne!(error_message(Lang::Zh, code), error_message(Lang::En, code), "{code:?}");
        }
        for code in FieldCode::ALL {
            assert_ne!(field_code_message(Lang::Zh, code), field_code_message(Lang::En, code), "{code:?}");
        }
    }

    #[test]
    fn every_subsidy_term_reads_differently_in_each_language() {
        for s in ClaimStatus::ALL {
            assert_ne!(claim_status_name(Lang::Zh, *s), claim_status_name(Lang::En, *s), "{s:?}");
        }
        for a in ClaimAction::ALL {
            assert_ne!(claim_action_name(Lang::Zh, *a), claim_action_name(Lang::En, *a), "{a:?}");
        }
        for r in IneligibleReason::ALL {
            assert_ne!(ineligible_reason_text(Lang::Zh, *r), ineligible_reason_text(Lang::En, *r), "{r:?}");
        }
        for g in PriorityGroup::ALL {
            assert_ne!(priority_group_name(Lang::Zh, *g), priority_group_name(Lang::En, *g), "{g:?}");
        }
        let actions = [
            "claim.draft",
            "claim.file",
            "claim.submit",
            "claim.resubmit",
            "claim.review",
            "claim.approve",
            "claim.publish",
            "claim.pay",
            "claim.return",
            "claim.reject",
            "claim.objection",
            "claim.objection_dismissed",
            "claim.objection_upheld",
        ];
        for action in actions {
            assert_ne!(timeline_action_name(Lang::Zh, action), action, "{action}");
        }
        assert_eq!(timeline_action_name(Lang::En, "claim.unknown"), "claim.unknown");
    }

    #[test]
    fn claim_notifications_name_their_class() {
        for kind in ["claim_drafted", "claim_returned", "claim_rejected", "claim_paid"] {
            let zh = notification_text(Lang::Zh, kind, "SYB 12");
            assert!(zh.contains("SYB 12") && zh.contains("补贴"), "{kind}");
            assert_ne!(zh, notification_text(Lang::Zh, "something_new", "SYB 12"));
        }
    }

    #[test]
    fn amounts_in_filters_read_as_yuan() {
        let zh = field_message(Lang::Zh, "min_fen", FieldCode::InvalidFormat);
        assert!(zh.contains("元"));
    }

    #[test]
    fn notifications_name_their_class() {
        let text = notification_text(Lang::En, "waitlisted", "SYB 12");
        assert_eq!(text, "You are on the waitlist: SYB 12");
        assert!(notification_text(Lang::Zh, "something_new", "SYB").contains("SYB"));
    }
}
