/** What the two numbers of a rate stand for, in the words of the metric, for the entry form and the Excel template. */
export interface RatioLabels {
  numeratorZh: string;
  denominatorZh: string;
  numeratorEn: string;
  denominatorEn: string;
}

// "法制审核人员占本单位执法人员比例": the part before 占 is counted, the part after is the whole.
const SHARE_ZH = /^(.+?)占(.+?)(?:总数|总人数|总量)?的?(?:比例|比重|比率)$/;
const SHARE_EN = /^(.+?) as (?:a )?(?:share|proportion|percentage) of (.+)$/i;

/** A count noun: 人员 → 人员数; 天数, 件数 and the like stay as they are. */
const counted = (words: string) => (/[数量额]$/.test(words) ? words : `${words}数`);

/**
 * The plan's data name no numerator or denominator, so they are read from the metric's name: "X占Y比例" (and
 * "X as a share of Y") names both; any other name gives the generic 分子/分母 with the name, never a guess such as
 * 符合件数, which is wrong for a staff ratio and backwards for a rate that must stay low (被纠错发生率 ≤ 5%).
 */
export function ratioLabels(metric: { name: string; nameEn: string }): RatioLabels {
  const zh = SHARE_ZH.exec(metric.name.trim());
  const en = SHARE_EN.exec(metric.nameEn.trim());
  return {
    numeratorZh: zh ? `分子（${counted(zh[1])}）` : `分子（计入「${metric.name}」的数）`,
    denominatorZh: zh ? `分母（${counted(zh[2])}）` : `分母（「${metric.name}」的总数）`,
    numeratorEn: en ? `Numerator (${en[1].toLowerCase()})` : `Numerator (counted toward "${metric.nameEn}")`,
    denominatorEn: en ? `Denominator (${en[2]})` : `Denominator (the whole of "${metric.nameEn}")`,
  };
}
