/** View > Larger/Smaller Text: 10% steps within the Text size setting's range. */
export function steppedFontScale(current: number, step: 1 | -1 | 0): number {
  return step === 0 ? 1 : Math.min(3, Math.max(0.75, Math.round((current + step * 0.1) * 100) / 100));
}
