//! Every visible string of the app, in Chinese (the default) and English.
//!
//! Plain text goes through [`t`] with a [`Key`]; error and field codes from
//! the API go through [`error_message`] and [`field_message`], which match
//! exhaustively so a new code in `shared` breaks the build until it is
//! translated here.

use chrono::{Datelike, NaiveDate};
use malanhua_shared::password::{MAX_CHARS, MIN_CHARS};
use malanhua_shared::{ErrorCode, FieldCode, Gender, Role};

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
        MobileHint => {
            ("11 位中国大陆手机号，例如 13812345678。", "11-digit mainland China number, e.g. 13812345678.")
        }
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

        NotFoundTitle => ("页面不存在", "Page not found"),
        NotFoundBody => {
            ("您访问的页面不存在或已被移动。", "The page you asked for does not exist or has moved.")
        }
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
        ErrorCode::TokenExpired => {
            ("登录已过期，请重新登录。", "Your session has expired. Please sign in again.")
        }
        ErrorCode::InvalidCredentials => {
            ("手机号或密码不正确。", "The mobile number or password is incorrect.")
        }
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
        ErrorCode::UnsupportedMediaType => {
            ("提交的内容类型不受支持。", "This kind of content is not supported.")
        }
        ErrorCode::TooManyAttempts => {
            ("尝试次数过多，请稍后再试。", "Too many attempts. Please wait and try again.")
        }
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
        FieldCode::PasswordIsMobile => {
            ("密码不能包含手机号。", "The password must not contain the mobile number.")
        }
        FieldCode::Taken => ("已被其他账号使用。", "This is already used by another account."),
        FieldCode::NotAllowed => ("此项不能在这里填写或修改。", "This cannot be given or changed here."),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The message for `code` on the field named `field` (the API's field
/// name), more precise than [`field_code_message`] where it helps.
pub fn field_message(lang: Lang, field: &str, code: FieldCode) -> String {
    let zh = lang == Lang::Zh;
    let specific: Option<String> = match (field, code) {
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
        ("real_name", FieldCode::TooLong) => Some(
            if zh { "姓名最多 30 个字。" } else { "The name may have at most 30 characters." }.to_owned(),
        ),
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
        ("region", FieldCode::Required) => {
            Some(if zh { "请选择地区。" } else { "Please choose a region." }.to_owned())
        }
        ("institution_name", FieldCode::TooShort) => Some(
            if zh { "机构名称至少 2 个字。" } else { "The name needs at least 2 characters." }.to_owned(),
        ),
        ("institution_name", FieldCode::TooLong) => Some(
            if zh { "机构名称最多 100 个字。" } else { "The name may have at most 100 characters." }
                .to_owned(),
        ),
        _ => None,
    };
    specific.unwrap_or_else(|| field_code_message(lang, code).to_owned())
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
