//! The OpenAPI 3 document, generated from the handlers' annotations and the
//! shared types.

use malanhua_shared::api::{
    Credentials, Health, InstitutionRef, Me, NewBureauAccount, NewInstitutionAccount, ProfileRequest, Region,
    RoleGrant, StaffAccount, TokenResponse, UserSummary,
};
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
    ),
    components(schemas(
        ErrorBody, ErrorCode, FieldCode, Health, Credentials, TokenResponse, Me, RoleGrant, InstitutionRef,
        ProfileRequest, Region, RegionLevel, NewBureauAccount, NewInstitutionAccount, StaffAccount, UserSummary,
        Role, Gender,
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
