//! Texts of the bureau's statistics page (统计分析).

messages! {
    /// The statistics texts without arguments.
    pub enum StatisticsKey {
        /// Page title and hub link.
        StatisticsTitle => "统计分析", "Statistics";
        /// What the page shows.
        StatisticsLead =>
            "本地区及下级地区的培训、补贴、导师服务与创业成效。点击地区可查看下一级，点击补贴数字可打开对应的申请列表。",
            "Training, subsidies, mentor services and start-ups of your region and the regions under it. Open a region to go one level down; a claims figure opens those claims.";
        /// The filters' toggle.
        FiltersTitle => "统计期间与筛选", "Period and filters";
        /// Filter: first day.
        FilterFrom => "起始日期", "From";
        /// Filter: last day.
        FilterTo => "截止日期", "To";
        /// Filter: granularity.
        FilterBy => "统计周期", "Divided by";
        /// By month.
        ByMonth => "按月", "Month";
        /// By quarter.
        ByQuarter => "按季度", "Quarter";
        /// Filter: course kind.
        FilterKind => "培训类型", "Course kind";
        /// Any course kind.
        AnyKind => "全部类型", "All kinds";
        /// Apply the filters.
        Apply => "查看", "Show";
        /// Download as Excel.
        DownloadXlsx => "下载 Excel", "Download Excel";
        /// Download as CSV.
        DownloadCsv => "下载 CSV", "Download CSV";
        /// Up one level.
        UpOneLevel => "返回上一级", "Up one level";
        /// Card: classes opened.
        CardClasses => "开班", "Classes opened";
        /// Card: enrolled.
        CardEnrolled => "报名人数", "Enrolled";
        /// Card: completion rate.
        CardCompletion => "结业率", "Completion rate";
        /// Card: certificates.
        CardCertificates => "发证", "Certificates";
        /// Card: start-up rate.
        CardStartUps => "创业成功率", "Start-up rate";
        /// Card: jobs created.
        CardJobs => "带动就业", "Jobs created";
        /// Card: paid.
        CardPaid => "已拨付（元）", "Paid (yuan)";
        /// Card: days to payment.
        CardDays => "证书至拨付平均天数", "Days from certificate to payment";
        /// Card: mentor services.
        CardServices => "导师服务", "Mentor services";
        /// Card: average rating.
        CardRating => "平均评分", "Average rating";
        /// Card: studios.
        CardStudios => "认定工作室", "Studios recognised";
        /// Chart: by region.
        ChartRegions => "分地区报名与发证", "Enrolled and certified by region";
        /// Chart: by period.
        ChartPeriods => "分时段趋势", "By period";
        /// Chart: funnel.
        ChartFunnel => "从报名到拨付", "From enrolment to payment";
        /// Funnel step: enrolled.
        StepEnrolled => "报名", "Enrolled";
        /// Funnel step: certified.
        StepCertified => "结业发证", "Certified";
        /// Funnel step: claimed.
        StepClaimed => "申请补贴", "Claimed";
        /// Funnel step: paid.
        StepPaid => "已拨付", "Paid";
        /// Series: certificates.
        SeriesCertificates => "发证", "Certificates";
        /// Table: regions.
        TableRegions => "分地区", "By region";
        /// Table: periods.
        TablePeriods => "分时段", "By period";
        /// Table: claims.
        TableClaims => "补贴申请（按类型与环节）", "Claims by kind and stage";
        /// Table: institutions.
        TableInstitutions => "培训机构绩效", "Institutions' results";
        /// Column: region.
        ColRegion => "地区", "Region";
        /// Column: period.
        ColPeriod => "时段", "Period";
        /// Column: institution.
        ColInstitution => "培训机构", "Institution";
        /// Column: count.
        ColCount => "笔数", "Claims";
        /// Column: amount.
        ColAmount => "金额（元）", "Amount (yuan)";
        /// Column: stage.
        ColStage => "环节", "Stage";
        /// Column: kind.
        ColKind => "类型", "Kind";
        /// Column: objections upheld.
        ColObjections => "异议成立", "Objections upheld";
        /// Column: claims returned.
        ColReturned => "退回补正", "Claims returned";
        /// Nothing in the period.
        NoFigures => "所选期间没有数据。", "Nothing in this period.";
    }

    /// The period shown.
    fn period_shown(from: &str, to: &str) => "{from} 至 {to}", "{from} to {to}";
}
