/** Figures of the methodologist's item analysis, as the server computes and the workbench shows them. */
export interface ItemStatistic {
  itemId: string;
  text: string;
  /** Mean share of the item's possible points, 0–1: near 0 or 1 the item tells pupils apart poorly. */
  facility: number;
  /** Correlation of the item with the rest of its scale (corrected item-total), −1…1. */
  discrimination: number | null;
  weak: boolean;
}

export interface ScaleStatistic {
  scaleId: string;
  title: string;
  items: ItemStatistic[];
  /** Cronbach's alpha: internal consistency of the scale; null with fewer than two items. */
  alpha: number | null;
}
