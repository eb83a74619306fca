//! The OpenAPI 3 document, generated from the handlers' annotations and the
//! shared types.

use malanhua_shared::api::certificates::{
    Assessment, AttendanceMark, AttendanceSheet, AttendanceSummary, Certificate, CheckinCode, CheckinRequest,
    CompletionLine, CompletionReview, MarkInput, MarksRequest, NotQualified, ResultInput, ResultsRequest, SheetLine,
    Verification,
};
use malanhua_shared::api::classes::{
    ClassDetail, ClassPage, ClassSession, ClassSummary, CoursePolicy, Decision, EnrolRequest, MyClass, MyEnrolment,
    NewClass, NewTrainer, Notification, PolicyRequest, ReasonRequest, Roster, RosterEntry, SessionInput, Trainer,
};
use malanhua_shared::api::subsidies::{
    BatchLine, BulkActionRequest, BulkResult, ClaimAction, ClaimActionRequest, ClaimBatch, ClaimDetail, ClaimPage,
    ClaimQuery, ClaimStatus, ClaimSummary, DeclarationStatus, Eligibility, FileClaim, GroupDeclaration,
    IneligibleReason, NewDeclaration, NewObjection, NoticeEntry, Objection, ObjectionResolution, ObjectionStatus,
    Payee, PriorityGroup, SubsidyPolicy, SubsidyPolicyInput, TimelineEntry,
};
use malanhua_shared::api::{
    Credentials, Health, InstitutionRef, Me, NewBureauAccount, NewInstitutionAccount, ProfileRequest, Region,
    RoleGrant, StaffAccount, TokenResponse, UserSummary,
};
use malanhua_shared::course::{ClassMode, ClassStatus, CourseKind, EnrolmentStatus};
use malanhua_shared::region::RegionLevel;
use malanhua_shared::{ErrorBody, ErrorCode, FieldCode, Gender, Role};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Malanhua API", description = "马兰花创业培训: courses, certificates, subsidies, mentors."),
    paths(
        super::meta::health,
        super::meta::regions,
        super::accounts::register,
        super::accounts::login,
        super::accounts::logout,
        super::accounts::me,
        super::accounts::update_profile,
        super::admin::list_accounts,
        super::admin::create_bureau_account,
        super::admin::create_institution_account,
        super::admin::get_user,
        super::classes::get_policies,
        super::classes::put_policy,
        super::classes::list_trainers,
        super::classes::add_trainer,
        super::classes::catalogue,
        super::classes::file_class,
        super::classes::class_detail,
        super::classes::decide,
        super::classes::cancel,
        super::classes::enrol,
        super::classes::withdraw,
        super::classes::roster,
        super::classes::roster_csv,
        super::classes::institution_classes,
        super::classes::bureau_classes,
        super::classes::my_classes,
        super::classes::notifications,
        super::classes::mark_read,
        super::certificates::sheet,
        super::certificates::mark,
        super::certificates::issue_code,
        super::certificates::check_in,
        super::certificates::results,
        super::certificates::review,
        super::certificates::submit,
        super::certificates::decide,
        super::certificates::pending,
        super::certificates::mine,
        super::certificates::one,
        super::certificates::revoke,
        super::certificates::verify,
        super::certificates::qr,
        super::subsidies::policies,
        super::subsidies::set_policy,
        super::subsidies::my_groups,
        super::subsidies::declare,
        super::subsidies::region_groups,
        super::subsidies::decide_group,
        super::subsidies::my_claims,
        super::subsidies::eligibility,
        super::subsidies::file,
        super::subsidies::bulk,
        super::subsidies::detail,
        super::subsidies::submit,
        super::subsidies::act,
        super::subsidies::batch,
        super::subsidies::file_batch,
        super::subsidies::worklist,
        super::subsidies::export_csv,
        super::subsidies::export_xlsx,
        super::subsidies::notices,
        super::subsidies::object,
        super::subsidies::resolve,
    ),
    components(schemas(
        ErrorBody, ErrorCode, FieldCode, Health, Credentials, TokenResponse, Me, RoleGrant, InstitutionRef,
        ProfileRequest, Region, RegionLevel, NewBureauAccount, NewInstitutionAccount, StaffAccount, UserSummary,
        Role, Gender, CoursePolicy, PolicyRequest, Trainer, NewTrainer, SessionInput, NewClass, ClassSession,
        ClassSummary, MyEnrolment, MyClass, ClassDetail, ClassPage, Decision, ReasonRequest, EnrolRequest, RosterEntry,
        Roster, Notification, CourseKind, ClassMode, ClassStatus, EnrolmentStatus, AttendanceMark, MarkInput,
        MarksRequest, SheetLine, AttendanceSheet, CheckinCode, CheckinRequest, AttendanceSummary, ResultInput,
        ResultsRequest, Assessment, NotQualified, CompletionLine, CompletionReview, Certificate, Verification,
        PriorityGroup, Payee, DeclarationStatus, ClaimStatus, ClaimAction, IneligibleReason, ObjectionStatus,
        SubsidyPolicy, SubsidyPolicyInput, GroupDeclaration, NewDeclaration, Eligibility, ClaimSummary,
        TimelineEntry, Objection, ClaimDetail, FileClaim, ClaimActionRequest, BulkActionRequest, BulkResult,
        BatchLine, ClaimBatch, ClaimQuery, ClaimPage, NoticeEntry, NewObjection, ObjectionResolution,
    )),
    modifiers(&BearerAuth),
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// The document served at `/api/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
