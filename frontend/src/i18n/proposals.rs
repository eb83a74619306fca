//! Texts of subsidy standards that need a second officer: the refusal of a
//! large standard, its proposal, and the confirmation or turn-down.

messages! {
    /// The second-officer texts without arguments.
    pub enum ProposalsKey {
        /// Heading of the box offered when saving was refused.
        SecondOfficerTitle => "须另一名经办人确认", "A second officer must confirm";
        /// What the officer can do about it.
        SecondOfficerLead =>
            "该标准的金额超过一名经办人可单独设定的上限。请提交给本地区另一名经办人，确认后才生效。",
            "This amount is above what one officer may set alone. Propose it, and it takes effect once another officer of the region confirms it.";
        /// Button: propose the standard.
        Propose => "提交另一名经办人确认", "Propose for a second officer";
        /// Panel heading.
        WaitingTitle => "待另一名经办人确认", "Waiting for a second officer";
        /// Panel lead.
        WaitingLead =>
            "金额较高的补贴标准须由提交人以外的本地区经办人确认后才生效，也可以说明原因退回。",
            "A large standard takes effect once an officer of the region other than its proposer confirms it; it may also be turned down with a reason.";
        /// Nothing is waiting.
        NoneWaiting => "暂无待确认的补贴标准。", "No standards are waiting.";
        /// Label: effective from.
        EffectiveFrom => "生效日期", "Effective from";
        /// Label: the amount.
        Amount => "补贴金额", "Amount";
        /// Label: who proposed it.
        ProposedBy => "提交人", "Proposed by";
        /// The officer themselves.
        ProposedByYou => "您本人", "You";
        /// Another officer.
        ProposedByOther => "本地区另一名经办人", "Another officer of the region";
        /// Label: when.
        ProposedAt => "提交时间", "Proposed";
        /// Button: confirm.
        Confirm => "确认生效", "Confirm";
        /// Button: turn down.
        TurnDown => "退回", "Turn down";
        /// Turn-down form heading.
        TurnDownTitle => "退回此补贴标准", "Turn this standard down";
        /// Turn-down form lead.
        TurnDownLead =>
            "请说明退回的原因，将记入操作记录；退回的标准不会生效。",
            "Say why; it goes into the audit log, and the standard never takes effect.";
        /// The proposer's own.
        OwnProposal =>
            "这是您提交的标准，须由本地区另一名经办人确认。",
            "You proposed this: another officer of the region must confirm it.";
        /// The proposer tried to decide (403).
        NotYourOwn =>
            "提交人不能确认或退回自己提交的标准，须由另一名经办人办理。",
            "The proposer may not decide their own proposal; another officer does.";
    }
    /// A standard for `course` from `date` was proposed.
    fn proposal_sent(course: &str, date: &str) =>
        "已提交{course}自 {date} 起的补贴标准，等待本地区另一名经办人确认。",
        "The {course} standard from {date} was proposed and waits for a second officer.";
    /// A standard for `course` from `date` was confirmed.
    fn proposal_confirmed(course: &str, date: &str) =>
        "{course}自 {date} 起的补贴标准已确认生效。",
        "The {course} standard from {date} is confirmed and in force.";
    /// A standard for `course` from `date` was turned down.
    fn proposal_turned_down(course: &str, date: &str) =>
        "已退回{course}自 {date} 起的补贴标准。",
        "The {course} standard from {date} was turned down.";
}
