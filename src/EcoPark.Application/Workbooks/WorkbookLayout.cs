namespace EcoPark.Application.Workbooks;

public enum CellKind
{
    Text,
    Number,
    OptionalNumber,
    Integer,

    /// <summary>A whole number, or blank for "not given".</summary>
    OptionalInteger,
    Flag,
    Date,
}

/// <summary>
/// A column: the input field it fills (camelCase path, as in the API) and its header in both languages. An optional
/// column may be absent from an uploaded sheet (a workbook exported before it existed still imports).
/// </summary>
public sealed record WorkbookColumn(string Field, string Header, CellKind Kind, bool Optional = false);

public sealed record WorkbookSheet(string Name, IReadOnlyList<WorkbookColumn> Columns)
{
    public WorkbookColumn? Column(string field) => Columns.FirstOrDefault(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The filing workbook: a sheet per record kind with bilingual headers, in the order the template, the
/// export and the import share. Child rows (quality values, limits, properties) name their parent stream.
/// </summary>
public static class WorkbookLayout
{
    private static readonly WorkbookColumn[] Confidential =
    [
        new("confidential.prices", "價格保密 Prices confidential (Y/N)", CellKind.Flag),
        new("confidential.costs", "成本保密 Costs confidential (Y/N)", CellKind.Flag),
        new("confidential.exactVolumes", "精確量保密 Exact volumes confidential (Y/N)", CellKind.Flag),
        new("notes", "備註 Notes", CellKind.Text),
    ];

    public static WorkbookSheet Balance { get; } = new("水平衡 WaterBalance",
    [
        new("period", "期間 Period (YYYY-MM / YYYY-H1)", CellKind.Text),
        new("intake.tapM3", "自來水 Tap (m³)", CellKind.Number),
        new("intake.surfaceM3", "地面水 Surface (m³)", CellKind.Number),
        new("intake.groundwaterM3", "地下水 Groundwater (m³)", CellKind.Number),
        new("intake.otherSupplierM3", "其他供水 Other supplier (m³)", CellKind.Number),
        new("intake.reclaimedSystemM3", "系統再生水 Reclaimed, system (m³)", CellKind.Number),
        new("intake.reclaimedNonSystemM3", "非系統再生水 Reclaimed, non-system (m³)", CellKind.Number),
        new("intake.desalinatedM3", "海淡水 Desalinated (m³)", CellKind.Number),
        new("rainwaterM3", "雨水 Rainwater (m³)", CellKind.Number),
        new("condensateM3", "冷凝水 Condensate (m³)", CellKind.Number),
        new("uses.coolingM3", "冷卻補充水 Cooling make-up (m³)", CellKind.Number),
        new("uses.processM3", "製程補充水 Process make-up (m³)", CellKind.Number),
        new("uses.boilerM3", "鍋爐補充水 Boiler make-up (m³)", CellKind.Number),
        new("uses.scrubberM3", "洗滌塔補充水 Scrubber make-up (m³)", CellKind.Number),
        new("uses.domesticM3", "生活用水 Domestic (m³)", CellKind.Number),
        new("uses.otherM3", "其他用水 Other use (m³)", CellKind.Number),
        new("circulationM3", "循環水量 Circulation (m³)", CellKind.Number),
        new("coolingTowerCirculationM3", "冷卻水塔循環 Cooling-tower circulation (m³)", CellKind.Number),
        new("reuseM3", "回收再利用 Reuse (m³)", CellKind.Number),
        new("outflows.sewerM3", "排入污水廠 To sewer / park WWTP (m³)", CellKind.Number),
        new("outflows.waterBodyM3", "排入水體 To water body (m³)", CellKind.Number),
        new("outflows.evaporationLossM3", "蒸發損失 Evaporation and loss (m³)", CellKind.Number),
        new("outflows.inProductM3", "產品含水 In product (m³)", CellKind.Number),
        // Only for a period already submitted: a changed row becomes an amendment with this reason; without one it is refused.
        new(AmendmentReasonField, "修正原因 Amendment reason (submitted periods only)", CellKind.Text, Optional: true),
    ]);

    /// <summary>The balance sheet's column that is not a filing field: why a submitted period's row was changed.</summary>
    public const string AmendmentReasonField = "amendmentReason";

    public static WorkbookSheet Effluents { get; } = new("放流水 Effluents",
    [
        new("name", "放流口名稱 Outlet name", CellKind.Text),
        new("minM3PerDay", "最小流量 Min flow (m³/day)", CellKind.Number),
        new("avgM3PerDay", "平均流量 Avg flow (m³/day)", CellKind.Number),
        new("maxM3PerDay", "最大流量 Max flow (m³/day)", CellKind.Number),
        new("daysPerWeek", "每週天數 Days per week", CellKind.Integer),
        new("hoursPerDay", "每日時數 Hours per day", CellKind.Number),
        new("route", "目前去向 Discharge route", CellKind.Text),
        new("dischargeFeeNtdPerM3", "排放費 Discharge fee (NTD/m³)", CellKind.OptionalNumber),
        .. Confidential,
    ]);

    public static WorkbookSheet EffluentQuality { get; } = new("放流水質 EffluentQuality",
    [
        new("name", "放流口名稱 Outlet name", CellKind.Text),
        new("key", "參數代碼 Parameter key", CellKind.Text),
        new("value", "數值 Value", CellKind.Number),
        new("basis", "依據 Basis (lab/online/declared)", CellKind.Text),
        new("sampleDate", "採樣日期 Sample date", CellKind.Date),
    ]);

    public static WorkbookSheet Demands { get; } = new("用水需求 WaterDemands",
    [
        new("name", "需求名稱 Demand name", CellKind.Text),
        new("use", "用途 Use", CellKind.Text),
        new("flowM3PerDay", "需求水量 Flow needed (m³/day)", CellKind.Number),
        new("reclaimedAllowed", "可用再生水 Reclaimed allowed (Y/N)", CellKind.Flag),
        new("blendingAllowed", "可混摻 Blending allowed (Y/N)", CellKind.Flag),
        new("maxPipeDistanceM", "最大管線距離 Max pipe distance (m)", CellKind.OptionalNumber),
        new("maxPriceNtdPerM3", "可接受最高價 Max price (NTD/m³)", CellKind.OptionalNumber),
        new("currentWaterPriceNtdPerM3", "現行水價 Current water price (NTD/m³)", CellKind.OptionalNumber),
        // The demand's schedule, blank when not given; optional columns, so that a workbook exported before them still imports.
        new("daysPerWeek", "每週天數 Days per week", CellKind.OptionalInteger, Optional: true),
        new("hoursPerDay", "每日時數 Hours per day", CellKind.OptionalNumber, Optional: true),
        .. Confidential,
    ]);

    public static WorkbookSheet DemandLimits { get; } = new("需求限值 DemandLimits",
    [
        new("name", "需求名稱 Demand name", CellKind.Text),
        new("key", "參數代碼 Parameter key", CellKind.Text),
        new("min", "下限 Min", CellKind.OptionalNumber),
        new("max", "上限 Max", CellKind.OptionalNumber),
    ]);

    /// <summary>A demand's current water quality (what it uses today), which a blend is computed against.</summary>
    public static WorkbookSheet DemandQuality { get; } = new("需求現況水質 DemandQuality",
    [
        new("name", "需求名稱 Demand name", CellKind.Text),
        new("key", "參數代碼 Parameter key", CellKind.Text),
        new("value", "數值 Value", CellKind.Number),
        new("basis", "依據 Basis (lab/online/declared)", CellKind.Text),
        new("sampleDate", "採樣日期 Sample date", CellKind.Date),
    ]);

    public static WorkbookSheet Heat { get; } = new("熱能 Heat",
    [
        new("name", "名稱 Name", CellKind.Text),
        new("direction", "供需 Direction (supply/demand)", CellKind.Text),
        new("medium", "介質 Medium", CellKind.Text),
        new("supplyTemperatureC", "供應溫度 Supply temperature (°C)", CellKind.Number),
        new("returnTemperatureC", "回水/可冷卻至溫度 Return / cooled-to temperature (°C)", CellKind.Number),
        new("loadKw", "熱負載 Load (kW)", CellKind.OptionalNumber),
        new("massFlowKgPerHour", "質量流量 Mass flow (kg/h)", CellKind.OptionalNumber),
        new("specificHeatKjPerKgK", "比熱 Specific heat (kJ/kg·K)", CellKind.OptionalNumber),
        new("steamPressureBarG", "蒸汽壓力 Steam pressure (bar g)", CellKind.OptionalNumber),
        new("hoursPerDay", "每日時數 Hours per day", CellKind.Number),
        new("daysPerYear", "每年天數 Days per year", CellKind.Integer),
        new("startHour", "開始時刻 Start hour (0–23)", CellKind.Integer),
        new("currentFuel", "現用燃料 Current fuel", CellKind.Text),
        new("costNtdPerKwh", "成本 Cost (NTD/kWh)", CellKind.OptionalNumber),
        .. Confidential,
    ]);

    public static WorkbookSheet Byproducts { get; } = new("副產物 Byproducts",
    [
        new("name", "名稱 Name", CellKind.Text),
        new("direction", "供需 Direction (supply/demand)", CellKind.Text),
        new("category", "類別 Category", CellKind.Text),
        new("wasteCode", "廢棄物代碼 Waste code", CellKind.Text),
        new("acceptedCodes", "可接受代碼 Accepted codes (comma-separated)", CellKind.Text),
        new("description", "說明 Description", CellKind.Text),
        new("state", "物理狀態 Physical state", CellKind.Text),
        new("tonnesPerMonth", "數量 Quantity (t/month)", CellKind.Number),
        new("regularity", "規律性 Regularity", CellKind.Text),
        new("currentRoute", "目前去化方式 Current route", CellKind.Text),
        new("costNtdPerTonne", "處理成本/原料價 Cost or virgin price (NTD/t)", CellKind.OptionalNumber),
        new("virginMaterial", "取代原料 Virgin material replaced", CellKind.Text),
        new("virginFactorKgCo2ePerTonne", "原料排放係數 Virgin factor (kgCO₂e/t)", CellKind.OptionalNumber),
        new("permit", "再利用許可 Reuse permit (none/applied/granted)", CellKind.Text),
        .. Confidential,
    ]);

    public static WorkbookSheet ByproductProperties { get; } = new("副產物性質 ByproductProperties",
    [
        new("name", "名稱 Name", CellKind.Text),
        new("key", "性質代碼 Property key", CellKind.Text),
        new("value", "數值 Value (supply)", CellKind.OptionalNumber),
        new("basis", "依據 Basis (supply)", CellKind.Text),
        new("sampleDate", "採樣日期 Sample date (supply)", CellKind.Date),
        new("min", "下限 Min (demand)", CellKind.OptionalNumber),
        new("max", "上限 Max (demand)", CellKind.OptionalNumber),
    ]);

    public static IReadOnlyList<WorkbookSheet> All { get; } =
        [Balance, Effluents, EffluentQuality, Demands, DemandLimits, DemandQuality, Heat, Byproducts, ByproductProperties];
}
