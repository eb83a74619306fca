//! Messages of the API's error and field codes. Both match exhaustively,
//! so a new code in `shared` breaks the build until it is translated here.

use malanhua_shared::password::{MAX_CHARS, MIN_CHARS};
use malanhua_shared::{ErrorCode, FieldCode};

use super::Lang;

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
        ErrorCode::SigninLocked => (
            "该手机号因多次输错密码已被锁定，请用短信验证码重设密码后登录。",
            "This mobile is locked after too many wrong passwords. Reset your password by SMS to sign in.",
        ),
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
            "不符合补贴或资助条件，请查看列出的原因。",
            "This does not qualify for a subsidy or grant; see the reasons listed.",
        ),
        ErrorCode::SeparationOfDuties => (
            "须由另一人办理：同一笔申请的不同审核环节、本人提交或与本人有关的事项，都不能由同一人决定；经办人也不能同时是培训机构人员。",
            "Someone else must do this: nobody decides two stages of one claim, or what they filed or what concerns them, and a bureau officer cannot also be institution staff.",
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
        ErrorCode::ClassStarted => (
            "班期已开课，不能再取消；已发生的考勤、证书和补贴记录保持不变。",
            "The class has begun and can no longer be cancelled; its attendance, certificates and claims stand.",
        ),
        ErrorCode::AttendanceClosed => (
            "考勤只能在该节课开始后、结业材料提交前登记。",
            "Attendance can be recorded from the session's start until completion is submitted.",
        ),
        ErrorCode::NoPolicy => (
            "本地区尚未设置该课程的培训政策，请联系当地人社局。",
            "No course policy is in force for this course in the region yet; please contact the local bureau.",
        ),
        ErrorCode::CheckinClosed => {
            ("现在不在签到时间内，签到只在上课前后开放。", "Check-in is only open around the session's time.")
        }
        ErrorCode::PrerequisiteMissing => (
            "报名该课程需要先取得政策规定的前置培训合格证书（如 EYB 须先完成 IYB）。",
            "This course needs an earlier training certificate that its policy names (EYB follows IYB, for example).",
        ),
        ErrorCode::MentorNotBookable => (
            "该导师目前不在聘，暂不能预约。",
            "This mentor is not active in the library at the moment and cannot be booked.",
        ),
        ErrorCode::SlotTaken => (
            "该时段已被他人预约，请选择其他时段。",
            "Someone else has just booked this time; please pick another slot.",
        ),
        ErrorCode::TraineeOverlap => (
            "您在该时段已有其他预约或集中服务。",
            "You already hold another appointment or group session at this time.",
        ),
        ErrorCode::CancelCutoff => {
            ("距开始时间太近，已不能取消或改期。", "It is too close to the start to cancel or reschedule.")
        }
        ErrorCode::BookingNotice => (
            "该时段距现在太近，不满足导师要求的提前预约时间。",
            "This slot starts too soon for the mentor's required notice.",
        ),
        ErrorCode::BookingHorizon => {
            ("该时段超出了导师开放预约的天数。", "This slot is further ahead than the mentor takes bookings.")
        }
        ErrorCode::OutsideAvailability => {
            ("该时间不在导师的可预约时段内。", "This time is not one of the mentor's bookable slots.")
        }
        ErrorCode::BufferConflict => (
            "该时间与导师其他预约前后的间隔时间冲突。",
            "This time falls within the break the mentor keeps around another appointment.",
        ),
        ErrorCode::BookingLimit => {
            ("导师当天或当周的预约已满。", "The mentor's appointments for that day or week are fully booked.")
        }
        ErrorCode::TooManyOpenRequests => (
            "您待确认的预约申请已达上限，请等待导师答复或取消其中一项。",
            "You hold as many open requests as allowed; wait for an answer or cancel one.",
        ),
        ErrorCode::SecondOfficerRequired => (
            "该补贴标准金额较高，须由本地区另一名经办人确认后生效。",
            "A standard paying this much takes effect only once a second officer of the region confirms it.",
        ),
        ErrorCode::RecentlyNotified => (
            "此人本周内已收到过提醒，七天内不再重复发送。",
            "This person was notified within the last week; no second notice is sent within seven days.",
        ),
        ErrorCode::Internal => {
            ("服务器出错，请稍后再试。", "Something went wrong on the server. Please try again later.")
        }
        ErrorCode::Unavailable => (
            "系统繁忙，您填写的内容未提交，请稍后重试。",
            "The system is busy and nothing was saved. Please try again in a moment.",
        ),
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
        FieldCode::Incorrect => ("与记录不符，请重新输入。", "This does not match what is on record."),
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
        FieldCode::Expired => (
            "验证码已失效（超时、已使用或错误次数过多），请重新获取。",
            "This code is no longer valid (expired, used or tried too often); ask for a new one.",
        ),
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
        ("code", FieldCode::Incorrect) => {
            pick("验证码不正确，请核对短信后重新输入。", "The code is wrong; check the text message.")
        }
        ("privacy_consent", FieldCode::Required) => {
            pick("请阅读并同意个人信息保护说明。", "Please read and accept the privacy notice.")
        }
        ("mobile", FieldCode::UnknownReference) => pick(
            "没有使用该手机号的账号，请本人先用此号码注册。",
            "No account uses this mobile; the person signs up with it first.",
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
        ("old_password", FieldCode::Incorrect) => pick("当前密码不正确。", "The current password is not right."),
        ("password", FieldCode::NotAllowed) => {
            pick("新密码不能与当前密码相同。", "The new password must differ from the current one.")
        }
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
        ("code", FieldCode::Required) => pick("请输入 6 位数字码。", "Please enter the 6-digit code."),
        ("code", FieldCode::InvalidFormat) => pick(
            "应为 6 位数字，请核对短信或课堂上展示的数字。",
            "That is not 6 digits; check the text message or the code shown in class.",
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
        _ => {
            super::studio_field_message(lang, &field, code).or_else(|| super::outcome_field_message(lang, &field, code))
        }
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
    fn amounts_in_filters_read_as_yuan() {
        let zh = field_message(Lang::Zh, "min_fen", FieldCode::InvalidFormat);
        assert!(zh.contains("元"));
    }
}
