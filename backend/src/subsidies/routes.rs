//! Subsidy policies, priority groups, claims and their stages, the public
//! notice and objections. Every write accepts an `Idempotency-Key`.

use std::sync::Arc;

use malanhua_shared::ErrorBody;
use malanhua_shared::api::classes::Decision;
use malanhua_shared::api::subsidies::{
    BulkActionRequest, BulkResult, ClaimActionRequest, ClaimBatch, ClaimDetail, ClaimPage, ClaimQuery, ClaimSummary,
    Eligibility, ExportLang, ExportQuery, FileClaim, GroupDeclaration, NewDeclaration, NewObjection, NoticeEntry,
    Objection, ObjectionResolution, RecoveryRequest, SubsidyPolicy, SubsidyPolicyInput,
};
use serde::Deserialize;
use warp::Filter;
use warp::filters::BoxedFilter;
use warp::http::StatusCode;
use warp::reply::Response;

use crate::core::calls::{Body, Caller, Write, caller, write_bare, write_json};
use crate::core::error::AppError;
use crate::core::http::{Idem, client_ip, download, error_reply, idem_json, once, reply, with_state};
use crate::core::limits::Bucket;
use crate::core::state::AppState;
use crate::subsidies as svc;

/// `?region=` of the public notice list.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NoticeQuery {
    /// A region code; its sub-regions are included. All regions when absent.
    pub region: Option<String>,
}

/// `?status=` of the declarations list.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeclarationQuery {
    /// `declared`, `verified`, `rejected` or `all` (default: all).
    pub status: Option<String>,
}

pub(crate) fn routes(state: Arc<AppState>) -> BoxedFilter<(Response,)> {
    let s = || with_state(state.clone());
    let c = || caller(state.clone());
    let wb = || write_bare(state.clone());
    let policies = warp::path!("subsidy-policies" / String).and(warp::get()).and(s()).then(policies);
    let set_policy = warp::path!("subsidy-policies" / String / String)
        .and(warp::put())
        .and(write_json(state.clone()))
        .then(set_policy);
    let my_groups = warp::path!("me" / "priority-groups").and(warp::get()).and(c()).then(my_groups);
    let declare = warp::path!("me" / "priority-groups").and(warp::post()).and(write_json(state.clone())).then(declare);
    let region_groups = warp::path!("bureau" / "priority-groups")
        .and(warp::get())
        .and(c())
        .and(warp::query::<DeclarationQuery>())
        .then(region_groups);
    let decide_group = warp::path!("priority-groups" / String / "decision")
        .and(warp::post())
        .and(write_json(state.clone()))
        .then(decide_group);
    let my_claims = warp::path!("me" / "claims").and(warp::get()).and(c()).then(my_claims);
    let eligibility = warp::path!("certificates" / String / "eligibility").and(warp::get()).and(c()).then(eligibility);
    let file = warp::path!("claims").and(warp::post()).and(write_json(state.clone())).then(file);
    let bulk = warp::path!("claims" / "bulk").and(warp::post()).and(write_json(state.clone())).then(bulk);
    let detail = warp::path!("claims" / String).and(warp::get()).and(c()).then(detail);
    let submit = warp::path!("claims" / String / "submit").and(warp::post()).and(wb()).then(submit);
    let act = warp::path!("claims" / String / "actions").and(warp::post()).and(write_json(state.clone())).then(act);
    let recovered =
        warp::path!("claims" / String / "recovery").and(warp::post()).and(write_json(state.clone())).then(recovered);
    let batch = warp::path!("classes" / String / "claims").and(warp::get()).and(c()).then(batch);
    let file_batch = warp::path!("classes" / String / "claims").and(warp::post()).and(wb()).then(file_batch);
    let worklist =
        warp::path!("bureau" / "claims").and(warp::get()).and(c()).and(warp::query::<ClaimQuery>()).then(worklist);
    let csv = warp::path!("bureau" / "claims.csv")
        .and(warp::get())
        .and(c())
        .and(warp::query::<ClaimQuery>())
        .and(warp::query::<ExportQuery>())
        .then(export_csv);
    let xlsx = warp::path!("bureau" / "claims.xlsx")
        .and(warp::get())
        .and(c())
        .and(warp::query::<ClaimQuery>())
        .and(warp::query::<ExportQuery>())
        .then(export_xlsx);
    let ip = || client_ip(state.clone());
    let notices =
        warp::path!("notices").and(warp::get()).and(s()).and(ip()).and(warp::query::<NoticeQuery>()).then(notices);
    let object = warp::path!("notices" / String / "objections")
        .and(warp::post())
        .and(s())
        .and(ip())
        .and(idem_json())
        .then(object);
    let resolve = warp::path!("objections" / String / "resolution")
        .and(warp::post())
        .and(write_json(state.clone()))
        .then(resolve);
    crate::any_of!(
        policies,
        set_policy,
        recovered,
        my_groups,
        declare,
        region_groups,
        decide_group,
        my_claims,
        eligibility,
        file,
        bulk,
        detail,
        submit,
        act,
        batch,
        file_batch,
        worklist,
        csv,
        xlsx,
        notices,
        object,
        resolve
    )
}

/// Subsidy policy versions of a region and its ancestors (public).
#[utoipa::path(get, path = "/api/subsidy-policies/{region}", tag = "subsidies",
    params(("region" = String, Path, description = "region code")),
    responses((status = 200, body = [SubsidyPolicy]), (status = 404, body = ErrorBody)))]
pub async fn policies(region: String, state: Arc<AppState>) -> Response {
    reply(StatusCode::OK, svc::policies(&state, region).await)
}

/// A bureau sets its region's policy version effective from a date.
#[utoipa::path(put, path = "/api/subsidy-policies/{region}/{kind}", tag = "subsidies", security(("bearer" = [])),
    params(("region" = String, Path, description = "region code"), ("kind" = String, Path, description = "course kind")),
    request_body = SubsidyPolicyInput,
    responses((status = 200, body = SubsidyPolicy), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn set_policy(region: String, kind: String, w: Write, body: Body<SubsidyPolicyInput>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        svc::set_policy(&state, actor?, region, kind, body?, state.now()).await
    })
    .await
}

/// The signed-in person's priority-group declarations.
#[utoipa::path(get, path = "/api/me/priority-groups", tag = "subsidies", security(("bearer" = [])),
    responses((status = 200, body = [GroupDeclaration]), (status = 401, body = ErrorBody)))]
pub async fn my_groups(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::my_declarations(&state, actor?).await }).await
}

/// A trainee declares a priority group.
#[utoipa::path(post, path = "/api/me/priority-groups", tag = "subsidies", security(("bearer" = [])),
    request_body = NewDeclaration,
    responses((status = 403, body = ErrorBody), (status = 201, body = GroupDeclaration), (status = 400, body = ErrorBody)))]
pub async fn declare(w: Write, body: Body<NewDeclaration>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move { svc::declare(&state, actor?, body?, state.now()).await })
        .await
}

/// Declarations of people in the officer's region.
#[utoipa::path(get, path = "/api/bureau/priority-groups", tag = "subsidies", security(("bearer" = [])),
    params(DeclarationQuery),
    responses((status = 200, body = [GroupDeclaration]), (status = 403, body = ErrorBody)))]
pub async fn region_groups(c: Caller, q: DeclarationQuery) -> Response {
    c.json(|state, actor| async move { svc::region_declarations(&state, actor?, q.status).await }).await
}

/// An officer verifies or rejects a declaration.
#[utoipa::path(post, path = "/api/priority-groups/{id}/decision", tag = "subsidies", security(("bearer" = [])),
    params(("id" = String, Path, description = "declaration id")), request_body = Decision,
    responses((status = 200, body = GroupDeclaration), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decide_group(id: String, w: Write, body: Body<Decision>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move {
        svc::decide_declaration(&state, actor?, id, body?, state.now()).await
    })
    .await
}

/// Claims on the signed-in person's certificates.
#[utoipa::path(get, path = "/api/me/claims", tag = "subsidies", security(("bearer" = [])),
    responses((status = 200, body = [ClaimSummary]), (status = 401, body = ErrorBody)))]
pub async fn my_claims(c: Caller) -> Response {
    c.json(|state, actor| async move { svc::my_claims(&state, actor?).await }).await
}

/// What a certificate would earn, with every failed rule.
#[utoipa::path(get, path = "/api/certificates/{number}/eligibility", tag = "subsidies", security(("bearer" = [])),
    params(("number" = String, Path, description = "certificate number")),
    responses((status = 200, body = Eligibility), (status = 404, body = ErrorBody)))]
pub async fn eligibility(number: String, c: Caller) -> Response {
    c.json(|state, actor| async move { svc::certificate_eligibility(&state, actor?, number, state.now()).await }).await
}

/// A trainee files for their own certificate.
#[utoipa::path(post, path = "/api/claims", tag = "subsidies", security(("bearer" = [])), request_body = FileClaim,
    responses((status = 201, body = ClaimDetail), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn file(w: Write, body: Body<FileClaim>) -> Response {
    w.once(StatusCode::CREATED, |state, actor| async move { svc::file(&state, actor?, body?, state.now()).await }).await
}

/// One stage action on many claims, with a result per claim.
#[utoipa::path(post, path = "/api/claims/bulk", tag = "subsidies", security(("bearer" = [])),
    request_body = BulkActionRequest,
    responses((status = 200, body = [BulkResult]), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn bulk(w: Write, body: Body<BulkActionRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::bulk(&state, actor?, body?, state.now()).await }).await
}

/// A claim with its eligibility now, timeline and objections.
#[utoipa::path(get, path = "/api/claims/{id}", tag = "subsidies", security(("bearer" = [])),
    params(("id" = String, Path, description = "claim id")),
    responses((status = 200, body = ClaimDetail), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn detail(id: String, c: Caller) -> Response {
    c.json(|state, actor| async move { svc::detail(&state, actor?, id, state.now()).await }).await
}

/// The payee files a drafted claim or refiles a returned one.
#[utoipa::path(post, path = "/api/claims/{id}/submit", tag = "subsidies", security(("bearer" = [])),
    params(("id" = String, Path, description = "claim id")),
    responses((status = 403, body = ErrorBody), (status = 200, body = ClaimDetail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn submit(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::submit(&state, actor?, id, state.now()).await }).await
}

/// An officer reviews, approves, publishes, pays, returns or rejects a claim.
#[utoipa::path(post, path = "/api/claims/{id}/actions", tag = "subsidies", security(("bearer" = [])),
    params(("id" = String, Path, description = "claim id")), request_body = ClaimActionRequest,
    responses((status = 200, body = ClaimDetail), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn act(id: String, w: Write, body: Body<ClaimActionRequest>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::act(&state, actor?, id, body?, state.now()).await }).await
}

/// An officer records that a recovered subsidy (追回) came back.
#[utoipa::path(post, path = "/api/claims/{id}/recovery", tag = "subsidies", security(("bearer" = [])),
    params(("id" = String, Path, description = "claim id")), request_body = RecoveryRequest,
    responses((status = 200, body = ClaimDetail), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn recovered(id: String, w: Write, body: Body<RecoveryRequest>) -> Response {
    w.once(
        StatusCode::OK,
        |state, actor| async move { svc::record_recovery(&state, actor?, id, body?, state.now()).await },
    )
    .await
}

/// The institution's batch for a class (preview).
#[utoipa::path(get, path = "/api/classes/{id}/claims", tag = "subsidies", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")),
    responses((status = 200, body = ClaimBatch), (status = 403, body = ErrorBody)))]
pub async fn batch(id: String, c: Caller) -> Response {
    c.json(|state, actor| async move { svc::batch(&state, actor?, id, state.now()).await }).await
}

/// The institution files every eligible line of a class's batch.
#[utoipa::path(post, path = "/api/classes/{id}/claims", tag = "subsidies", security(("bearer" = [])),
    params(("id" = String, Path, description = "class id")),
    responses((status = 200, body = ClaimBatch), (status = 403, body = ErrorBody)))]
pub async fn file_batch(id: String, w: Write) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::file_batch(&state, actor?, id, state.now()).await }).await
}

/// The officer's worklist, keyset-paged.
#[utoipa::path(get, path = "/api/bureau/claims", tag = "subsidies", security(("bearer" = [])), params(ClaimQuery),
    responses((status = 200, body = ClaimPage), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn worklist(c: Caller, q: ClaimQuery) -> Response {
    c.json(|state, actor| async move { svc::worklist(&state, actor?, q).await }).await
}

/// The worklist's claims (all pages) as CSV.
#[utoipa::path(get, path = "/api/bureau/claims.csv", tag = "subsidies", security(("bearer" = [])), params(ClaimQuery, ExportQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 403, body = ErrorBody)))]
pub async fn export_csv(c: Caller, q: ClaimQuery, e: ExportQuery) -> Response {
    let Caller { state, actor } = c;
    match async { svc::export_rows(&state, actor?, q, e.lang.unwrap_or(ExportLang::Zh)).await }.await {
        Ok(rows) => download(svc::claims_csv(&rows), "text/csv; charset=utf-8", "attachment; filename=\"claims.csv\""),
        Err(e) => error_reply(&e),
    }
}

/// The worklist's claims (all pages) as an Excel workbook.
#[utoipa::path(get, path = "/api/bureau/claims.xlsx", tag = "subsidies", security(("bearer" = [])), params(ClaimQuery, ExportQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body = Vec<u8>), (status = 403, body = ErrorBody)))]
pub async fn export_xlsx(c: Caller, q: ClaimQuery, e: ExportQuery) -> Response {
    let Caller { state, actor } = c;
    let lang = e.lang.unwrap_or(ExportLang::Zh);
    let result = async { svc::claims_xlsx(&svc::export_rows(&state, actor?, q, lang).await?) }.await;
    match result {
        Ok(bytes) => download(
            bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "attachment; filename=\"claims.xlsx\"",
        ),
        Err(e) => error_reply(&e),
    }
}

/// Claims on public notice now (no login; names masked).
#[utoipa::path(get, path = "/api/notices", tag = "subsidies", params(NoticeQuery),
    responses((status = 200, body = [NoticeEntry]), (status = 400, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn notices(state: Arc<AppState>, ip: String, q: NoticeQuery) -> Response {
    let result = async {
        state.limits.check(Bucket::Public, &ip, state.now())?;
        svc::notices(&state, q.region, state.now()).await
    };
    reply(StatusCode::OK, result.await)
}

/// Anyone objects to a claim on notice (no login); the claim is held.
#[utoipa::path(post, path = "/api/notices/{id}/objections", tag = "subsidies",
    params(("id" = String, Path, description = "claim id")), request_body = NewObjection,
    responses((status = 201, body = Objection), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 429, body = ErrorBody)))]
pub async fn object(
    id: String,
    state: Arc<AppState>,
    ip: String,
    idem: Idem,
    body: Result<NewObjection, AppError>,
) -> Response {
    once(&state, Some("public".into()), idem, StatusCode::CREATED, async {
        let body = body?;
        state.limits.check(Bucket::Objection, &ip, state.now())?;
        state.limits.check(Bucket::ObjectionToClaim, &id, state.now())?;
        svc::object(&state, id, body, state.now()).await
    })
    .await
}

/// An officer resolves an objection.
#[utoipa::path(post, path = "/api/objections/{id}/resolution", tag = "subsidies", security(("bearer" = [])),
    params(("id" = String, Path, description = "objection id")), request_body = ObjectionResolution,
    responses((status = 200, body = ClaimDetail), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn resolve(id: String, w: Write, body: Body<ObjectionResolution>) -> Response {
    w.once(StatusCode::OK, |state, actor| async move { svc::resolve(&state, actor?, id, body?, state.now()).await })
        .await
}
