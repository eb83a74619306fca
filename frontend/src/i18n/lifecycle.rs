//! Texts of the credential lifecycle: the account page (password, open
//! sessions, signing out everywhere), an expired session, the warning
//! before the last sign-in try, and revoking a staff role.

messages! {
    /// The lifecycle texts without arguments.
    pub enum LifecycleKey {
        /// Navigation: the account page.
        NavAccount => "账号安全", "Account";
        /// Account page heading.
        AccountTitle => "账号与安全", "Account and security";
        /// Password section heading.
        PasswordSection => "修改密码", "Change your password";
        /// Password section lead.
        PasswordLead =>
            "修改后，您在其他设备上的登录将全部退出，本设备保持登录。",
            "After the change you are signed out on every other device; this one stays signed in.";
        /// Label: the password in use.
        OldPassword => "当前密码", "Current password";
        /// Label: the new password.
        NewPassword => "新密码", "New password";
        /// Button: change the password.
        SubmitPassword => "修改密码", "Change password";
        /// After the change.
        PasswordChanged => "密码已修改，其他设备上的登录已退出。", "Password changed; your other sessions have ended.";
        /// Sessions section heading.
        SessionsSection => "登录中的设备", "Where you are signed in";
        /// Sessions section lead.
        SessionsLead =>
            "如有您不认识的设备，请立即修改密码，或全部退出登录。",
            "If you do not recognise a device, change your password now or sign out everywhere.";
        /// Column: device.
        ColDevice => "设备", "Device";
        /// Column: network address.
        ColAddress => "网络地址", "Address";
        /// Column: signed in at.
        ColSignedIn => "登录时间", "Signed in";
        /// Column: ends at.
        ColExpires => "到期时间", "Expires";
        /// The session of this browser.
        ThisDevice => "本设备", "This device";
        /// A session without a recorded browser.
        UnknownDevice => "未知设备", "Unknown device";
        /// No open sessions (should not happen while signed in).
        NoSessions => "没有登录中的设备。", "No open sessions.";
        /// Sign-out-everywhere heading and button.
        SignOutEverywhere => "全部退出登录", "Sign out everywhere";
        /// Sign-out-everywhere lead.
        SignOutEverywhereLead =>
            "所有设备上的登录（包括本设备）都将立即退出。",
            "Every session ends at once, this one included.";
        /// On the sign-in page after a session ended in use.
        SessionExpired =>
            "登录已过期，请重新登录。您正在填写的内容会在登录后自动填回（密码除外）。",
            "Your session has expired; please sign in again. What you were typing will be filled in again (except passwords).";
        /// After a wrong password, one try left.
        OneTryLeft =>
            "还剩 1 次尝试机会；再输错将被锁定，届时请用短信验证码重设密码。",
            "One try left; after that, reset your password by SMS.";
        /// After a wrong password, no tries left.
        NoTriesLeft =>
            "尝试次数已用完；请稍后再试，或用短信验证码重设密码。",
            "No tries left; wait, or reset your password by SMS.";
        /// Link to the reset page beside the warning.
        ResetBySms => "用短信验证码重设密码", "Reset your password by SMS";
        /// Button in the staff list.
        RevokeButton => "撤销角色", "Revoke role";
        /// Revoke panel heading.
        RevokeTitle => "撤销工作人员角色", "Revoke a staff role";
        /// Revoke panel lead.
        RevokeLead =>
            "撤销后角色立即失效，该人员所有设备上的登录立即退出。请填写原因，将记入审计日志。",
            "The role stops working at once and all of the person's sessions end. Give a reason; it goes into the audit log.";
        /// Button: go on to the confirmation.
        RevokeSubmit => "撤销…", "Revoke…";
        /// Button: confirm.
        RevokeConfirm => "确认撤销", "Yes, revoke";
        /// Button: cancel.
        RevokeCancel => "取消", "Cancel";
        /// After revoking.
        RevokeDone => "角色已撤销，该人员的登录已全部退出。", "The role was revoked and the person's sessions ended.";
    }
    /// The question before revoking.
    fn revoke_question(name: &str, role: &str) =>
        "确定撤销{name}的“{role}”角色吗？其所有登录将立即退出。",
        "Revoke the role “{role}” from {name}? All their sessions end at once.";
}
