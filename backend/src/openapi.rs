//! The OpenAPI 3 document, generated from the handlers' annotations and the
//! shared types.

use malanhua_shared::api::certificates::{
    Assessment, AttendanceMark, AttendanceSheet, AttendanceSummary, Certificate, CheckinCode, CheckinRequest,
    CompletionLine, CompletionReview, MarkChange, MarkInput, MarksRequest, NotQualified, ResultInput, ResultsRequest,
    SheetLine, Verification,
};
use malanhua_shared::api::classes::{
    ClassDetail, ClassPage, ClassSession, ClassSummary, CoursePolicy, Decision, EnrolRequest, MyClass, MyEnrolment,
    NewClass, NewTrainer, Notification, PolicyRequest, ReasonRequest, Roster, RosterEntry, SessionInput, Trainer,
};
use malanhua_shared::api::journey::{Journey, JourneyArea, JourneyLine, NextStep};
use malanhua_shared::api::mentors::{
    Appointment, AppointmentStatus, Attendee, AvailabilityInput, BookRequest, CalendarFeed, DayOverride, Expertise,
    GroupSeat, GroupSession, GroupStatus, MentorAction, MentorCard, MentorDecisionRequest, MentorEvaluation,
    MentorPage, MentorPolicy, MentorPolicyInput, MentorProfileInput, MentorPublic, MentorRecord, MentorStatus,
    MyGroupSeat, NewGroupSession, RatingComment, RatingInput, RescheduleRequest, SeatStatus, ServiceMode,
    ServiceRecord, ServiceRecordInput, Slot, SlotDay, WeeklyHours,
};
use malanhua_shared::api::outcomes::{FollowUpPoint, Industry, Outcome, OutcomeInput, OutcomeRecord, OutcomeStatus};
use malanhua_shared::api::outreach::{NudgeInput, OutreachPage, OutreachReason, OutreachRow};
use malanhua_shared::api::privacy::{
    CorrectionDone, DataExport, DeletionDecision, DeletionRequest, DeletionStatus, ResidentIdCorrection,
};
use malanhua_shared::api::security::{PasswordChange, RoleRevocation, SessionInfo};
use malanhua_shared::api::statistics::{
    ClaimFigure, Figures, Funnel, Granularity, InstitutionFigures, PeriodFigures, RegionFigures, Statistics,
};
use malanhua_shared::api::studios::{
    CitableRecord, EvaluationInput, EvaluationOutcome, FeeBand, FeeLine, FeeLineKind, FeeLineRequest, FeeOverview,
    FeePolicy, FeePolicyInput, GroupService, MyStudio, RevocationInput, StudioApplication, StudioCard, StudioDetail,
    StudioEvaluation, StudioMember, StudioPolicy, StudioPolicyInput, StudioReport, StudioReportInput, StudioStatus,
    StudioWork, UnclaimedService,
};
use malanhua_shared::api::subsidies::{
    BatchLine, BulkActionRequest, BulkResult, ClaimAction, ClaimActionRequest, ClaimBatch, ClaimDetail, ClaimKind,
    ClaimPage, ClaimQuery, ClaimStatus, ClaimSummary, DeclarationStatus, Eligibility, ExportLang, FileClaim,
    GroupDeclaration, IneligibleReason, NewDeclaration, NewObjection, NoticeEntry, Objection, ObjectionResolution,
    ObjectionStatus, Payee, PolicyProposal, PriorityGroup, ProposalStatus, Recovery, RecoveryRequest, SubsidyPolicy,
    SubsidyPolicyInput, TimelineEntry,
};
use malanhua_shared::api::verification::{
    CodePurpose, CodeRequest, CodeSent, OutboxMessage, PasswordReset, Registration, StaffInvitation,
};
use malanhua_shared::api::{
    Credentials, Health, InstitutionRef, Me, NewBureauAccount, NewInstitutionAccount, ProfileRequest, Region,
    RoleGrant, StaffAccount, TokenResponse, UserSummary,
};
use malanhua_shared::calendar::{CalendarDay, CalendarDayInput, DayKind};
use malanhua_shared::course::{ClassMode, ClassStatus, CourseKind, EnrolmentStatus};
use malanhua_shared::region::RegionLevel;
use malanhua_shared::{ErrorBody, ErrorCode, FieldCode, Gender, Role};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Malanhua API", description = "马兰花创业培训: courses, certificates, subsidies, mentors."),
    paths(
        crate::core::meta::health,
        crate::core::meta::regions,
        crate::accounts::routes::send_code,
        crate::accounts::routes::register,
        crate::accounts::routes::reset,
        crate::accounts::routes::outbox,
        crate::accounts::routes::login,
        crate::accounts::routes::refresh,
        crate::accounts::routes::logout,
        crate::accounts::routes::me,
        crate::accounts::routes::update_profile,
        crate::accounts::routes::logout_all,
        crate::accounts::routes::change_password,
        crate::accounts::routes::sessions,
        crate::accounts::admin_routes::revoke_role,
        crate::accounts::admin_routes::list_accounts,
        crate::accounts::admin_routes::create_bureau_account,
        crate::accounts::admin_routes::create_institution_account,
        crate::accounts::admin_routes::get_user,
        crate::accounts::admin_routes::list_invitations,
        crate::classes::routes::get_policies,
        crate::classes::routes::put_policy,
        crate::classes::routes::list_trainers,
        crate::classes::routes::add_trainer,
        crate::classes::routes::catalogue,
        crate::classes::routes::file_class,
        crate::classes::routes::class_detail,
        crate::classes::routes::decide,
        crate::classes::routes::cancel,
        crate::classes::routes::end_early,
        crate::classes::routes::enrol,
        crate::classes::routes::withdraw,
        crate::classes::routes::roster,
        crate::classes::routes::roster_csv,
        crate::classes::routes::institution_classes,
        crate::classes::routes::bureau_classes,
        crate::classes::routes::my_classes,
        crate::classes::routes::notifications,
        crate::classes::routes::mark_read,
        crate::certificates::routes::sheet,
        crate::certificates::routes::mark,
        crate::certificates::routes::issue_code,
        crate::certificates::routes::shown_code,
        crate::certificates::routes::check_in,
        crate::certificates::routes::results,
        crate::certificates::routes::review,
        crate::certificates::routes::submit,
        crate::certificates::routes::decide,
        crate::certificates::routes::pending,
        crate::certificates::routes::mine,
        crate::certificates::routes::one,
        crate::certificates::routes::revoke,
        crate::certificates::routes::verify,
        crate::certificates::routes::qr,
        crate::subsidies::routes::policies,
        crate::subsidies::routes::set_policy,
        crate::subsidies::routes::my_groups,
        crate::subsidies::routes::declare,
        crate::subsidies::routes::region_groups,
        crate::subsidies::routes::decide_group,
        crate::subsidies::routes::my_claims,
        crate::subsidies::routes::eligibility,
        crate::subsidies::routes::file,
        crate::subsidies::routes::bulk,
        crate::subsidies::routes::detail,
        crate::subsidies::routes::submit,
        crate::subsidies::routes::act,
        crate::subsidies::routes::recovered,
        crate::subsidies::routes::batch,
        crate::subsidies::routes::file_batch,
        crate::subsidies::routes::worklist,
        crate::subsidies::routes::export_csv,
        crate::subsidies::routes::export_xlsx,
        crate::subsidies::routes::notices,
        crate::subsidies::routes::object,
        crate::subsidies::routes::resolve,
        crate::mentors::routes::get_policy,
        crate::mentors::routes::put_policy,
        crate::mentors::routes::apply,
        crate::mentors::routes::my_record,
        crate::mentors::routes::edit_profile,
        crate::mentors::routes::my_availability,
        crate::mentors::routes::set_availability,
        crate::mentors::routes::mentor_appointments,
        crate::mentors::routes::search,
        crate::mentors::routes::mentor_page,
        crate::mentors::routes::slots,
        crate::mentors::routes::decide,
        crate::mentors::routes::bureau_list,
        crate::mentors::routes::evaluation,
        crate::mentors::routes::book,
        crate::mentors::routes::my_appointments,
        crate::mentors::routes::confirm,
        crate::mentors::routes::decline,
        crate::mentors::routes::cancel,
        crate::mentors::routes::reschedule,
        crate::mentors::routes::record,
        crate::mentors::routes::no_show,
        crate::mentors::routes::rate,
        crate::mentors::routes::appointment_ics,
        crate::mentors::routes::publish,
        crate::mentors::routes::mentor_groups,
        crate::mentors::routes::my_seats,
        crate::mentors::routes::join,
        crate::mentors::routes::leave,
        crate::mentors::routes::cancel_group,
        crate::mentors::routes::record_group,
        crate::mentors::routes::rate_group,
        crate::mentors::routes::group_no_show,
        crate::mentors::routes::group,
        crate::mentors::routes::my_feed,
        crate::mentors::routes::renew_feed,
        crate::mentors::routes::feed,
        crate::studios::routes::get_policies,
        crate::studios::routes::put_policy,
        crate::studios::routes::directory,
        crate::studios::routes::apply,
        crate::studios::routes::studio,
        crate::studios::routes::mine,
        crate::studios::routes::report,
        crate::studios::routes::worklist,
        crate::studios::routes::evaluate,
        crate::studios::routes::revoke,
        crate::fees::routes::get_policies,
        crate::fees::routes::put_policy,
        crate::fees::routes::overview,
        crate::fees::routes::claim,
        crate::fees::routes::confirm_group,
        crate::fees::routes::group_services,
        crate::fees::routes::days,
        crate::fees::routes::set_day,
        crate::fees::routes::clear_day,
        crate::subsidies::proposal_routes::propose,
        crate::subsidies::proposal_routes::waiting,
        crate::subsidies::proposal_routes::decide,
        crate::privacy::routes::export,
        crate::privacy::routes::mine,
        crate::privacy::routes::request,
        crate::privacy::routes::waiting,
        crate::privacy::routes::decide,
        crate::privacy::routes::correct,
        crate::statistics::routes::outcome,
        crate::statistics::routes::record,
        crate::statistics::routes::mine,
        crate::statistics::routes::statistics,
        crate::statistics::routes::statistics_csv,
        crate::statistics::routes::statistics_xlsx,
        crate::statistics::routes::outreach,
        crate::statistics::routes::journey,
        crate::statistics::routes::nudge,
    ),
    components(schemas(
        CodePurpose,
        CodeRequest,
        CodeSent,
        OutboxMessage,
        PasswordReset,
        Registration,
        StaffInvitation,
        MentorStatus, ServiceMode, Expertise, MentorAction, MentorProfileInput, MentorCard, MentorPage, MentorPublic,
        RatingComment, MentorRecord, MentorDecisionRequest, MentorEvaluation, MentorPolicy, MentorPolicyInput,
        WeeklyHours, DayOverride, AvailabilityInput, Slot, SlotDay, AppointmentStatus, SeatStatus, GroupStatus,
        BookRequest, RescheduleRequest, Appointment, ServiceRecordInput, ServiceRecord, RatingInput, NewGroupSession,
        GroupSession, GroupSeat, MyGroupSeat, CalendarFeed, Attendee,
        PasswordChange, SessionInfo, RoleRevocation,
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
        BatchLine, ClaimBatch, ClaimQuery, ClaimPage, NoticeEntry, NewObjection, ObjectionResolution, Recovery,
        RecoveryRequest, MarkChange, ClaimKind, ExportLang,
        StudioStatus, EvaluationOutcome, StudioMember, StudioCard, CitableRecord, StudioReport, StudioEvaluation,
        StudioDetail, MyStudio, StudioApplication, StudioReportInput, EvaluationInput, RevocationInput, StudioWork,
        StudioPolicy, StudioPolicyInput, FeeLineKind, FeeBand, FeePolicy, FeePolicyInput, FeeLine, FeeOverview,
        UnclaimedService, FeeLineRequest, GroupService, DayKind, CalendarDay, CalendarDayInput,
        PolicyProposal, ProposalStatus, DataExport, DeletionStatus, DeletionRequest, DeletionDecision, ResidentIdCorrection, CorrectionDone,
        Industry, OutcomeStatus, OutcomeInput, Outcome, FollowUpPoint, OutcomeRecord,
        Granularity, ClaimFigure, Figures, RegionFigures, PeriodFigures, InstitutionFigures, Funnel, Statistics,
        OutreachReason, OutreachRow, OutreachPage, NudgeInput, JourneyArea, NextStep, JourneyLine, Journey,
    )),
    modifiers(&BearerAuth, &CommonErrors),
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// The error answers the shared plumbing gives, documented on every
/// operation they can reach (each an [`ErrorBody`]; a handler's own
/// annotation of the same status stays): 503 when the database or password
/// hashing is saturated (`core::error`), 401 without a valid session on
/// signed operations (`core::http::actor`), 400 for a query string that does
/// not parse (`core::http::recover`), 400, 413 and 415 for a body that is
/// not JSON of the right shape (`core::http::json_body`), 409 and 422 for
/// an `Idempotency-Key` in flight or reused on a signed write
/// (`core::http::once`), and 404 for a path naming nothing.
struct CommonErrors;

impl Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::ParameterIn;
        for item in openapi.paths.paths.values_mut() {
            let ops = [
                (false, item.get.as_mut()),
                (true, item.post.as_mut()),
                (true, item.put.as_mut()),
                (true, item.delete.as_mut()),
                (true, item.patch.as_mut()),
            ];
            for (write, op) in ops {
                let Some(op) = op else { continue };
                let signed = op.security.as_ref().is_some_and(|s| !s.is_empty());
                let located = |at: ParameterIn| op.parameters.iter().flatten().any(|p| p.parameter_in == at);
                let (in_path, in_query) = (located(ParameterIn::Path), located(ParameterIn::Query));
                let mut common = vec![("503", "busy: try again after `Retry-After` seconds")];
                if signed {
                    common.push(("401", "no valid session"));
                }
                if in_query {
                    common.push(("400", "a query parameter is not of its type"));
                }
                if op.request_body.is_some() {
                    common.push(("400", "the body is not valid JSON for this request, or a field is invalid"));
                    common.push(("413", "the body is too large"));
                    common.push(("415", "the body is not application/json"));
                }
                if signed && write {
                    common.push(("409", "a request with this `Idempotency-Key` is still running"));
                    common.push(("422", "this `Idempotency-Key` was used for another request"));
                }
                if in_path {
                    common.push(("404", "nothing by that path"));
                }
                for (status, description) in common {
                    op.responses.responses.entry(status.to_owned()).or_insert_with(|| error_response(description));
                }
            }
        }
    }
}

fn error_response(description: &str) -> utoipa::openapi::RefOr<utoipa::openapi::Response> {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let content = ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build();
    ResponseBuilder::new().description(description).content("application/json", content).build().into()
}

/// The document served at `/api/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_are_documented_by_their_wire_names() {
        let doc = serde_json::to_value(document()).unwrap_or_default();
        let roles = &doc["components"]["schemas"]["Role"]["enum"];
        assert!(roles.as_array().is_some_and(|r| r.iter().any(|v| v == "institution_staff")), "{roles}");
    }

    #[test]
    fn query_filters_are_query_parameters_and_signed_calls_may_answer_401() {
        let doc = serde_json::to_value(document()).unwrap_or_default();
        let op = &doc["paths"]["/api/bureau/claims"]["get"];
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        assert!(!params.is_empty() && params.iter().all(|p| p["in"] == "query"), "{params:?}");
        assert_eq!(
            op["responses"]["401"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/ErrorBody"
        );
    }
}
