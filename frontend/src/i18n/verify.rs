//! Texts of verified mobiles: one-time codes, password reset, the privacy
//! notice, and staff roles offered to a mobile.

messages! {
    /// The verification texts without arguments.
    pub enum VerifyKey {
        /// Label: the code from the text message.
        Code => "短信验证码", "Code from the text message";
        /// Button: send a code.
        SendCode => "获取验证码", "Send code";
        /// Button while sending.
        Sending => "正在发送…", "Sending…";
        /// Hint under the code field before a code was asked for.
        CodeHint => "点击“获取验证码”，我们会发送 6 位数字到上面的手机号，5 分钟内有效。", "Press “Send code” and we text 6 digits to the number above; they work for 5 minutes.";
        /// Consent checkbox label.
        PrivacyConsent =>
            "我已阅读并同意《个人信息保护说明》：本平台为办理创业培训、补贴和导师服务收集我的手机号、姓名和身份证号，依法保存并可申请查阅、导出和删除。",
            "I have read and accept the privacy notice: this platform collects my mobile, name and resident ID to run training, subsidies and mentor services, keeps them as the law requires, and lets me see, export and ask to delete them.";
        /// Reset page heading.
        ResetTitle => "设置新密码", "Set a new password";
        /// Reset page lead.
        ResetLead =>
            "忘记密码、账号因多次输错被锁定，或收到工作人员邀请时，用本人手机号获取验证码，即可设置新密码并登录。",
            "Forgot your password, locked out after wrong tries, or invited as staff? Get a code on your own mobile, set a new password and sign in.";
        /// Label: the new password.
        NewPassword => "新密码", "New password";
        /// Submit on the reset page.
        SubmitReset => "设置密码并登录", "Set password and sign in";
        /// Link from the sign-in page.
        ForgotPassword => "忘记密码或账号被锁定？用短信验证码重设", "Forgot your password or locked out? Reset it by text message";
        /// Staff offers heading.
        InvitationsSection => "待本人确认的邀请", "Offers waiting for their owner";
        /// Staff offers lead.
        InvitationsLead =>
            "角色只在本人用手机号获取验证码并设置密码后生效；邀请 7 天内有效。",
            "A role takes effect only when its owner gets a code on the mobile and sets a password; offers last 7 days.";
        /// No offers.
        NoInvitations => "暂无待确认的邀请。", "No offers waiting.";
        /// Column: offered at.
        ColInvited => "邀请时间", "Offered";
        /// Column: valid until.
        ColExpires => "有效期至", "Valid until";
        /// Label: the objector's mobile.
        ObjectorMobile => "您的手机号", "Your mobile number";
        /// Hint under the objector's mobile.
        ObjectorMobileHint => "经办人员会通过此号码联系您；需要短信验证，不会公开。", "The bureau answers on this number; it is verified by text message and never shown publicly.";
    }
    /// A code was sent, with `mobile` masked and `secs` the wait before another.
    fn code_sent(mobile: &str, secs: &str) =>
        "验证码已发送至 {mobile}。{secs} 秒后可重新获取。",
        "A code was sent to {mobile}. You can ask again in {secs} s.";
    /// The resend button while waiting, with `secs` seconds left.
    fn resend_in(secs: &str) => "{secs} 秒后重新获取", "Again in {secs} s";
    /// An offer was made, with `name` and `mobile` masked.
    fn invitation_sent(name: &str, mobile: &str) =>
        "已向 {name}（{mobile}）发送邀请。本人用该手机号获取验证码并设置密码后，角色即生效。",
        "An offer was sent to {name} ({mobile}). The role takes effect when they get a code on that mobile and set a password.";
}
