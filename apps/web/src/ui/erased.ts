/** Shown in place of content cleared when its person's health data was erased (decision 039). */
export const ERASED_TEXT = 'Erased';
