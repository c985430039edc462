import type formsZhCN from './forms.zh-CN';
import schemaMessagesEn from './schemaMessages.en';

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
  issue: {
    invalidType: 'Please enter a valid value',
    tooSmall: 'Cannot be less than {min}',
    tooBig: 'Cannot be more than {max}',
    tooFew: 'Choose at least {min}',
    tooMany: 'At most {max}',
    format: 'Not in the right format',
    choose: 'Please choose one',
    invalid: 'Please check this',
  },
  schema: schemaMessagesEn,
  elderlyPrompt: {
    title: 'Would you like large text?',
    body: 'Bigger text and buttons, easier to read. You can switch it any time under Me.',
    yes: 'Yes, large text',
    no: 'No, keep standard',
  },
};

export default formsEn;
