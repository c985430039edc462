import schemaMessagesZhCN from './schemaMessages.zh-CN';

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
  /** A schema issue by its zod code and limits, where the schema gave no message of its own (src/utils/schemaErrors.ts). */
  issue: {
    invalidType: '请填写正确的内容',
    tooSmall: '不能小于 {min}',
    tooBig: '不能大于 {max}',
    tooFew: '至少选择 {min} 项',
    tooMany: '最多 {max} 项',
    format: '格式不正确',
    choose: '请选择一项',
    invalid: '请检查这一项',
  },
  /** The shared schemas' own messages, found by their Chinese text. */
  schema: schemaMessagesZhCN,
  elderlyPrompt: {
    title: '需要大字模式吗？',
    body: '字更大，按钮更大，看得更清楚。以后可以在“我的”里随时切换。',
    yes: '要，用大字',
    no: '不用，保持标准',
  },
};

export default formsZhCN;
