import type { LunarFestivals } from '@taizhang/domain';
import { Lunar } from 'lunar-typescript';

/**
 * A year's lunar festivals and Qingming from lunar-typescript (astronomical computation, no table that ends),
 * for the domain's provisional calendar years. Here, not in the domain: the web app imports the domain too.
 */
export function lunarFestivals(year: number): LunarFestivals {
  return {
    springFestival: Lunar.fromYmd(year, 1, 1).getSolar().toYmd(),
    qingming: Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明'].toYmd(),
    dragonBoat: Lunar.fromYmd(year, 5, 5).getSolar().toYmd(),
    midAutumn: Lunar.fromYmd(year, 8, 15).getSolar().toYmd(),
  };
}
