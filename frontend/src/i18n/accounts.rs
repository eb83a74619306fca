//! Texts of the home page and dashboard, signing up and in, the profile
//! and the administration of accounts; names of roles and genders.

use malanhua_shared::{Gender, Role};

use super::Lang;

messages! {
    /// The accounts texts without arguments.
    pub enum AccountsKey {
        // Home
        /// Home page heading.
        HomeTitle => "马兰花创业培训", "Malanhua Entrepreneurship Training";
        /// What Malanhua is.
        HomeIntro =>
            "马兰花创业培训是面向创业者的全国性创业培训项目，课程包括产生你的企业想法（GYB）、创办你的企业（SYB）、改善你的企业（IYB）、扩大你的企业（EYB）和网络创业培训。",
            "Malanhua is the national entrepreneurship training programme for people starting or growing a business. Its courses include Generate Your Business Idea (GYB), Start Your Business (SYB), Improve Your Business (IYB), Expand Your Business (EYB) and online business training.";
        /// What the platform offers.
        HomeIntro2 =>
            "在这里，您可以用手机号注册、完成实名信息；培训合格后可获得创业培训合格证书，符合条件的可申请创业培训补贴和创业导师服务。",
            "Here you can sign up with your mobile number and complete your real-name profile. Trainees who pass receive a training certificate, and those who qualify can apply for a training subsidy and mentor services.";
        /// Call to sign up.
        HomeSignup => "注册账号", "Create an account";
        /// Call to sign in.
        HomeSignin => "已有账号？登录", "Already registered? Sign in";
        /// Dashboard heading.
        DashboardTitle => "我的工作台", "Your dashboard";
        /// Card: profile incomplete, title.
        CardProfileTodoTitle => "完善实名信息", "Complete your real-name profile";
        /// Card: profile incomplete, body.
        CardProfileTodoBody =>
            "报名培训、申请补贴前，请先填写姓名、居民身份证号和所在地区。",
            "Before enrolling in a class or claiming a subsidy, please add your name, resident ID and home region.";
        /// Card: profile complete, title.
        CardProfileDoneTitle => "实名信息已完善", "Real-name profile complete";
        /// Card: profile complete, body.
        CardProfileDoneBody => "您的姓名、身份证号和所在地区已登记。", "Your name, resident ID and home region are on file.";
        /// Card action: open the profile.
        CardProfileAction => "前往个人资料", "Go to your profile";
        /// Card: admin, title.
        CardAdminTitle => "账号管理", "Account administration";
        /// Card: admin, body.
        CardAdminBody =>
            "创建人社局和培训机构账号，查看全部工作人员账号。",
            "Create bureau and institution accounts and see every staff account.";
        /// Card action: open administration.
        CardAdminAction => "进入管理", "Open administration";
        /// Card: bureau officer, title.
        CardBureauTitle => "人社局经办", "Bureau officer";
        /// Card action: institution accounts of the region.
        CardBureauAction => "管理培训机构账号", "Manage institution accounts";
        /// Card: institution staff, title.
        CardInstitutionTitle => "培训机构", "Training institution";
        /// Card: mentor, title.
        CardMentorTitle => "创业导师", "Mentor";
        /// Card: mentor, body.
        CardMentorBody => "您已入选创业导师库。", "You are in the mentor library.";

        // Auth
        /// Register page heading.
        RegisterTitle => "注册", "Sign up";
        /// Register page lead.
        RegisterLead =>
            "用中国大陆手机号注册账号，注册后请完善实名信息。",
            "Sign up with a mainland China mobile number, then complete your real-name profile.";
        /// Login page heading.
        LoginTitle => "登录", "Sign in";
        /// Shown on the login page when sent there from a protected page.
        LoginToContinue => "请登录后继续。", "Please sign in to continue.";
        /// Label: mobile number.
        Mobile => "手机号", "Mobile number";
        /// Hint under the mobile field.
        MobileHint => "11 位中国大陆手机号，例如 13812345678。", "11-digit mainland China number, e.g. 13812345678.";
        /// Label: password.
        Password => "密码", "Password";
        /// Label: confirm password.
        PasswordConfirm => "确认密码", "Confirm password";
        /// The two passwords differ.
        PasswordMismatch => "两次输入的密码不一致。", "The two passwords do not match.";
        /// Register button.
        SubmitRegister => "注册", "Sign up";
        /// Login button.
        SubmitLogin => "登录", "Sign in";
        /// "Already have an account?"
        HaveAccount => "已有账号？去登录", "Already registered? Sign in";
        /// "No account yet?"
        NoAccount => "还没有账号？立即注册", "No account yet? Sign up";

        // Profile
        /// Profile page heading.
        ProfileTitle => "个人资料", "Profile";
        /// Account section heading.
        AccountSection => "账号信息", "Account";
        /// Label: roles.
        Roles => "角色", "Roles";
        /// Real-name section heading.
        RealNameSection => "实名信息", "Real-name profile";
        /// Heading of the details on file.
        IdentityOnFile => "已登记的实名信息", "Real-name details on file";
        /// Heading of the real-name form while incomplete.
        RealNameFormTitle => "填写实名信息", "Fill in your real-name details";
        /// Heading of the real-name form once complete.
        RealNameEditTitle => "更新实名信息", "Update your real-name details";
        /// Lead of the real-name form while incomplete.
        RealNameLead =>
            "请按居民身份证填写。信息仅用于培训报名、证书和补贴审核。",
            "Fill this in exactly as on your resident ID card. It is used only for enrolment, certificates and subsidy review.";
        /// Lead of the real-name form once complete.
        RealNameEditLead =>
            "如需更新姓名或所在地区，请再次输入已登记的身份证号以确认。身份证号保存后不能自行修改。",
            "To update your name or region, enter your registered resident ID again to confirm. A saved resident ID cannot be changed by you.";
        /// Label: real name.
        RealName => "姓名", "Full name";
        /// Hint under the real name.
        RealNameHint => "与身份证上的姓名一致。", "As shown on your resident ID card.";
        /// Label: resident ID.
        ResidentId => "居民身份证号", "Resident ID number";
        /// Hint under the resident ID.
        ResidentIdHint => "18 位，最后一位可以是 X。", "18 characters; the last one may be X.";
        /// Label: region (the picker's legend).
        Region => "所在地区", "Home region";
        /// Hint of the home region picker.
        RegionHint => "请依次选择省、市、区县。", "Choose the province, then the city, then the district.";
        /// Label: province-level select.
        Province => "省（自治区、直辖市）", "Province";
        /// Label: prefecture-level select.
        City => "市（地区、州）", "City / prefecture";
        /// Label: county-level select.
        County => "区（县）", "District / county";
        /// Empty option of a select.
        Choose => "请选择", "Please choose";
        /// The regions could not be loaded.
        RegionsFailed => "地区列表加载失败。", "The list of regions could not be loaded.";
        /// Label: gender.
        Gender => "性别", "Gender";
        /// Label: birth date.
        BirthDate => "出生日期", "Date of birth";
        /// Label: masked resident ID on file.
        ResidentIdOnFile => "身份证号", "Resident ID";
        /// Label: home region on file.
        RegionOnFile => "所在地区", "Home region";
        /// Save button of the profile.
        SaveProfile => "保存", "Save";
        /// Profile saved.
        ProfileSaved => "实名信息已保存。", "Your real-name profile has been saved.";
        /// The next step after saving the profile.
        FindAClassNext => "下一步：查找并报名课程", "Next: find a class and enrol";
        /// Profile complete badge.
        ProfileComplete => "已完善", "Complete";
        /// Profile incomplete badge.
        ProfileIncomplete => "未完善", "Incomplete";

        // Admin
        /// Admin page heading.
        AdminTitle => "账号管理", "Account administration";
        /// Shown to people who may not use the page.
        AdminForbidden => "只有系统管理员和人社局经办人员可以使用此页面。", "Only administrators and bureau officers can use this page.";
        /// Staff list heading.
        AccountsSection => "工作人员账号", "Staff accounts";
        /// Staff list lead for admins.
        AccountsLeadAdmin => "全部人社局和培训机构账号。", "All bureau and institution accounts.";
        /// Staff list lead for bureau officers.
        AccountsLeadBureau => "本辖区培训机构的账号。", "Institution accounts in your region.";
        /// No accounts yet.
        NoAccounts => "暂无账号。", "No accounts yet.";
        /// Column: name.
        ColName => "姓名", "Name";
        /// Column: mobile.
        ColMobile => "手机号", "Mobile";
        /// Column: role.
        ColRole => "角色", "Role";
        /// Column: region.
        ColRegion => "地区", "Region";
        /// Column: institution.
        ColInstitution => "机构", "Institution";
        /// Column: granted at.
        ColGranted => "授权时间", "Granted";
        /// Bureau form heading.
        BureauFormTitle => "邀请人社局经办人员", "Invite a bureau officer";
        /// Bureau form lead.
        BureauFormLead =>
            "经办人员可管理所选地区及其下级地区。系统会短信通知本人；本人用该手机号获取验证码、自行设置密码后，角色才生效。",
            "The officer acts for the chosen region and everything under it. They are told by text message; the role takes effect once they get a code on that mobile and set their own password.";
        /// Institution form heading.
        InstFormTitle => "登记培训机构并邀请工作人员", "Register an institution and invite its staff";
        /// Institution form lead.
        InstFormLead =>
            "登记培训机构并邀请其工作人员。同一地区已有同名机构的，将沿用该机构。本人验证手机号并设置密码后，角色才生效。",
            "Register a training institution and invite one of its staff. An institution with the same name in the region is reused. The role takes effect once they prove the mobile and set a password.";
        /// Label: institution name.
        InstitutionName => "机构名称", "Institution name";
        /// Label: the bureau's region.
        BureauRegion => "管辖地区", "Region of authority";
        /// Label: the institution's region.
        InstitutionRegion => "机构所在地区", "Institution's region";
        /// Bureau submit button.
        CreateBureau => "发送人社局经办邀请", "Send the officer invitation";
        /// Institution submit button.
        CreateInstitution => "登记机构并发送邀请", "Register and send the invitation";
    }

    // Home
    /// Greeting with `name` the name or mobile.
    fn welcome(name: &str) => "您好，{name}。", "Welcome, {name}.";
    /// Card: bureau officer, body with `region` the region.
    fn card_bureau_body(region: &str) =>
        "辖区：{region}。您可以查看本辖区的培训机构账号，并为培训机构创建账号。",
        "Region: {region}. You can see the institution accounts of your region and create new ones.";
    /// Card: institution staff, body with `institution` the institution, `region` the region.
    fn card_institution_body(institution: &str, region: &str) =>
        "所属机构：{institution}（{region}）。",
        "Institution: {institution} ({region}).";

    // Auth
    /// Hint under a new password, with `min` the minimum length.
    fn password_hint(min: &str) =>
        "至少 {min} 个字符；不能使用常见密码，也不能包含手机号。",
        "At least {min} characters; not a common password and not containing your mobile number.";

    // Admin
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
