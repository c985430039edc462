import type formsZhCN from './forms.zh-CN';

/** English twin of forms.zh-CN.ts. */
const formsEn: typeof formsZhCN = {
  summary: '{count} things to fix',
  summaryOne: '{count} thing to fix',
  summaryItem: '{field}: {message}',
  counter: '{length}/{max}',
  counterLabel: '{length} of {max} characters',
  tooLong: 'At most {max} characters; now {length}. Please shorten it.',
  tooShort: 'At least {min} characters',
  required: 'Please fill this in',
  elderlyPrompt: {
    title: 'Would you like large text?',
    body: 'Bigger text and buttons, easier to read. You can switch it any time under Me.',
    yes: 'Yes, large text',
    no: 'No, keep standard',
  },
};

export default formsEn;
