/** Shared form messages (src/hooks/useFormErrors, FormErrorSummary, CharCounter) and the first-run elderly prompt. */
const formsZhCN = {
  summary: '有 {count} 处需要修改',
  summaryOne: '有 {count} 处需要修改',
  summaryItem: '{field}：{message}',
  counter: '{length}/{max}',
  counterLabel: '已输入 {length} 个字，最多 {max} 个',
  tooLong: '最多 {max} 个字，现在 {length} 个，请删减',
  tooShort: '至少 {min} 个字',
  required: '请填写这一项',
  elderlyPrompt: {
    title: '需要大字模式吗？',
    body: '字更大，按钮更大，看得更清楚。以后可以在“我的”里随时切换。',
    yes: '要，用大字',
    no: '不用，保持标准',
  },
};

export default formsZhCN;
