//! Texts of a person's rights over their data: the download, deletion
//! requests, the bureau's decisions on them and its correction of a
//! resident ID another account took first.

use malanhua_shared::api::privacy::DeletionStatus;

use super::{Lang, pick};

messages! {
    /// The personal-data texts without arguments.
    pub enum PrivacyKey {
        // The person, on the profile
        /// Section heading on the profile.
        MyDataTitle => "我的数据", "My data";
        /// What the section offers.
        MyDataLead =>
            "您可以下载本平台保存的关于您的全部信息（JSON 文件），也可以申请删除账号和个人信息。",
            "Download everything this platform holds about you (a JSON file), or ask for your account and personal data to be deleted.";
        /// Button: download the export.
        DownloadData => "下载我的数据", "Download my data";
        /// The button while the file is prepared.
        Downloading => "正在准备文件…", "Preparing the file…";
        /// Button: open the deletion confirmation.
        AskDeletion => "申请删除账号", "Ask to delete my account";
        /// The confirmation's heading.
        DeletionConfirmTitle => "确认申请删除账号", "Confirm the deletion request";
        /// What happens after asking.
        DeletionConfirmLead =>
            "申请由您所在地区的人社局办理。如没有须依法保留的记录，人社局将删除您的姓名、身份证号和手机号等个人信息，您将被退出登录，且无法再用此账号登录。如您持有培训合格证书、补贴申请或工作人员角色等须依法保留的记录，人社局将保留账号并说明原因。",
            "Your home region's bureau handles the request. Where no record must be kept, the bureau erases your personal data (name, resident ID, mobile): you are signed out and can no longer sign in to this account. Where the law requires keeping records, such as certificates, subsidy claims or staff roles, the bureau keeps the account and tells you why.";
        /// Button: send the deletion request.
        ConfirmDeletion => "确认提交申请", "Yes, ask for deletion";
        /// Button: close the confirmation.
        Cancel => "取消", "Cancel";
        /// A request was sent.
        DeletionAsked => "删除申请已提交，请等待人社局办理。", "Your request was sent; the bureau will decide on it.";
        /// A request is already waiting.
        DeletionWaiting => "您已有一项删除申请在办理中。", "A deletion request of yours is already waiting.";
        /// The person's requests, heading.
        MyRequestsTitle => "我的删除申请", "My deletion requests";
        /// No requests yet.
        NoRequests => "暂无删除申请。", "No deletion requests.";
        /// Label: asked at.
        RequestedAt => "申请时间", "Asked";
        /// Label: decided at.
        DecidedAt => "办理时间", "Decided";
        /// Label: the bureau's note.
        BureauNote => "人社局说明", "The bureau's note";
        /// Label: what must be kept.
        MustKeep => "须保留的记录", "Records that must be kept";
        /// Nothing must be kept.
        MustKeepNone => "无", "None";

        // The bureau
        /// Bureau page title and link.
        PersonalDataTitle => "个人信息办理", "Personal data";
        /// Bureau page lead.
        PersonalDataLead =>
            "办理本地区群众的账号删除申请，并把被他人冒用的身份证号归还本人账号。",
            "Decide on your region's account deletion requests, and give resident IDs that another account took back to their owners.";
        /// The waiting requests, heading.
        WaitingDeletionsTitle => "待办理的删除申请", "Deletion requests waiting";
        /// No waiting requests.
        NoWaitingDeletions => "暂无待办理的删除申请。", "No deletion requests are waiting.";
        /// Label: the person's home region.
        Region => "所在地区", "Home region";
        /// No home region given.
        NoRegion => "未填写", "Not given";
        /// Button: carry the deletion out.
        CarryOut => "删除个人信息", "Carry out";
        /// Button: refuse the deletion.
        Refuse => "不予删除", "Refuse";
        /// Carry-out form heading.
        CarryOutTitle => "删除此人的个人信息", "Erase this person's data";
        /// Carry-out form lead.
        CarryOutLead =>
            "将删除此人的姓名、身份证号和手机号并结束其全部登录，此操作不可撤销。请填写办理说明，申请人可以看到。",
            "This erases the person's name, resident ID and mobile and ends their sessions; it cannot be undone. Write a note the person will read.";
        /// Refuse form heading.
        RefuseTitle => "不予删除", "Refuse the deletion";
        /// Refuse form lead.
        RefuseLead =>
            "请说明不予删除的原因，例如须依法保留的证书或补贴记录，申请人可以看到。",
            "Say why, for example the certificates or claims the law requires keeping; the person will read it.";
        /// Carrying out is blocked by records to keep.
        MustKeepBlocks =>
            "存在须依法保留的记录，不能删除；请选择“不予删除”并说明原因。",
            "Records that must be kept block the deletion: refuse it with a note instead.";
        /// One's own request.
        OwnRequest => "本人的申请须由另一名经办人办理。", "Another officer decides your own request.";
        /// Correction form heading.
        CorrectionTitle => "更正被冒用的身份证号", "Give back a resident ID another account took";
        /// Correction form lead.
        CorrectionLead =>
            "本人持身份证原件到窗口核验后，将身份证号绑定到本人账号；如该身份证号已被其他账号占用，将从该账号解除。双方账号的操作记录都会写明经办人和原因。",
            "Once you have seen the person's ID card, bind the resident ID to their own account; if another account holds it, it is taken from that account. Both accounts' records name you and the reason.";
        /// Label: the rightful account's mobile.
        RightfulMobile => "本人账号的手机号", "Mobile of the person's own account";
        /// Hint under the mobile.
        RightfulMobileHint => "本人注册时使用的手机号。", "The number the person signed up with.";
        /// Hint under the name.
        CardNameHint => "与身份证上的姓名一致。", "As on the ID card.";
        /// Hint under the resident ID.
        CardIdHint => "18 位，与身份证原件核对一致。", "18 characters, checked against the card.";
        /// Hint under the region.
        CardRegionHint => "本人的所在地区，须属于您办理的地区。", "The person's home region, within your own.";
        /// Hint under the reason.
        CorrectionReasonHint =>
            "写明如何核验，例如“本人持身份证原件到窗口核验”。",
            "Say how you checked, e.g. “saw the ID card at the counter”.";
        /// Button: send the correction.
        SubmitCorrection => "更正并绑定", "Correct and bind";
        /// The ID is already this account's.
        AlreadyBound =>
            "该身份证号已绑定在本人账号上，无需更正；如占用账号持有证书，须先撤销证书。",
            "This resident ID is already this account's, or the account holding it has certificates that must be revoked first.";
    }
    /// A deletion was carried out for `name` (masked).
    fn deletion_carried_out(name: &str) => "已删除 {name} 的个人信息。", "The personal data of {name} was erased.";
    /// A deletion was refused for `name` (masked).
    fn deletion_refused(name: &str) => "已答复 {name}：不予删除。", "{name} was told the deletion is refused.";
    /// The download started, saved as `file`.
    fn download_started(file: &str) => "已开始下载 {file}。", "The download of {file} has started.";
    /// The ID was bound, shown `masked`, taken from no other account.
    fn correction_done(masked: &str) =>
        "身份证号 {masked} 已绑定到本人账号。",
        "Resident ID {masked} is now bound to the person's account.";
    /// The ID was bound, shown `masked`, and taken from another account.
    fn correction_done_taken(masked: &str) =>
        "身份证号 {masked} 已绑定到本人账号，并已从原占用的账号解除。",
        "Resident ID {masked} is now bound to the person's account and was taken from the account that held it.";
}

/// The name of a deletion request's status.
pub fn deletion_status_name(lang: Lang, status: DeletionStatus) -> &'static str {
    let (zh, en) = match status {
        DeletionStatus::Pending => ("办理中", "Waiting"),
        DeletionStatus::CarriedOut => ("已删除", "Carried out"),
        DeletionStatus::Refused => ("不予删除", "Refused"),
    };
    pick(lang, zh, en)
}

/// What keeps a record (a word of `must_keep`), in words; an unknown word
/// is shown as it is.
pub fn keep_reason_name(lang: Lang, word: &str) -> String {
    let pair = match word {
        "certificates" => Some(("培训合格证书", "certificates")),
        "claims" => Some(("补贴申请", "subsidy claims")),
        "staff_roles" => Some(("工作人员角色", "staff roles")),
        "mentor_record" => Some(("创业导师档案", "a mentor record")),
        "active_enrolments" => Some(("正在参加的培训", "classes under way")),
        "upcoming_appointments" => Some(("待进行的导师预约", "mentor appointments to come")),
        _ => None,
    };
    pair.map_or_else(|| word.to_owned(), |(zh, en)| pick(lang, zh, en).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_the_server_keeps_a_record_for_is_translated() {
        for word in
            ["certificates", "claims", "staff_roles", "mentor_record", "active_enrolments", "upcoming_appointments"]
        {
            assert_ne!(keep_reason_name(Lang::Zh, word), word, "{word}");
            assert!(!keep_reason_name(Lang::En, word).contains('_'), "{word}");
        }
        assert_eq!(keep_reason_name(Lang::En, "something_new"), "something_new");
    }
}
