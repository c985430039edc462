/**
 * A consent prompt for a page and her answer, to show as a line (SubscribeNote). `ask` must be
 * called in the tap handler, before its first await (WeChat shows the prompt only there).
 */
import { useCallback, useState } from 'react';
import { askSubscriptions, type SubscribeOutcome, type SubscribeTopic } from '../utils/subscribe';

export function useSubscriptionPrompt() {
  const [outcome, setOutcome] = useState<SubscribeOutcome | null>(null);
  const ask = useCallback((topics: readonly SubscribeTopic[]): Promise<SubscribeOutcome | null> => {
    const answer = askSubscriptions(topics);
    void answer.then((result) => {
      if (result) setOutcome(result);
    });
    return answer;
  }, []);
  return { outcome, ask };
}
