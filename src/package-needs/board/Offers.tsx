import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { NeedCategory, OfferView } from '../../shared/schemas/needs';
import { NeedCategory as NeedCategories, NeedsOfferPostInput } from '../../shared/schemas/needs';
import { call } from '../../services/cloud';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { LongTextField } from '../../components/LongText';
import { EmptyState } from '../../components/StateView';
import { SubmitBar } from '../../components/SubmitBar';
import { SubscribeNote } from '../../components/SubscribeNote';
import { errorMessage } from '../../hooks/useAsync';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { useSubscriptionPrompt } from '../../hooks/useSubscriptionPrompt';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { needRoutes } from '../../utils/needRoutes';
import { rememberAskedOffer } from '../askedOffer';

/** The offer form's fields, top to bottom (their anchors: `offerWhat`, `offerCategory`). */
type Field = 'offerWhat' | 'offerCategory';
const FIELD_ORDER: readonly Field[] = ['offerWhat', 'offerCategory'];
const FIELD_OF: Record<string, Field> = { what: 'offerWhat', category: 'offerCategory' };
/** The contract's limit of what she offers (NeedsOfferPostInput), for the counter and the message. */
const WHAT_LIMIT = textLimit(NeedsOfferPostInput.shape.what);

export interface OffersProps {
  offers: OfferView[];
  onChanged: () => void;
}

/**
 * The time-bank offer board beside the needs (only where the community turned the time bank on):
 * what neighbours can do for each other — each with "ask for help", which opens the post form
 * addressed to its author — my own offers withdrawable, and a short form to add one.
 */
export function Offers({ offers, onChanged }: OffersProps) {
  const { t } = useI18n();
  const [what, setWhat] = useState('');
  const [category, setCategory] = useState<NeedCategory>('companionship');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors<Field>(FIELD_ORDER);
  const subscription = useSubscriptionPrompt();

  const run = async (work: () => Promise<unknown>) => {
    setProblem(null);
    setBusy(true);
    try {
      await work();
      onChanged();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const post = () => {
    setProblem(null);
    const input = { what, category };
    const found = schemaFieldErrors(NeedsOfferPostInput, input, (path) => FIELD_OF[path] ?? null, (issue) =>
      issue.code === 'too_big' && issue.origin === 'string' ? issueMessage(t, issue, input) : t('needs.offers.problem', { ...WHAT_LIMIT }),
    );
    if (form.refuse(found)) return;
    // In the tap (WeChat shows the prompt only there): consent for the message that a neighbour
    // asks her for help from this offer ("ask for help") — one consent, one message.
    void subscription.ask(['needAddressed']);
    void run(async () => {
      await call('needs.offerPost', { what, category });
      setWhat('');
    });
  };
  const ask = (offer: OfferView) => {
    rememberAskedOffer(offer);
    void Taro.navigateTo({ url: needRoutes.askOffer(offer.id) }).catch(() => undefined);
  };

  return (
    <View className='needs-offers'>
      <Text className='needs-offers__intro'>{t('needs.offers.intro')}</Text>
      {offers.length === 0 ? <EmptyState title={t('needs.offers.empty')} /> : null}
      {offers.map((offer) => (
        <View key={offer.id} className='linli-card needs-card needs-offer' data-offer-id={offer.id}>
          <View className='needs-card__head'>
            <Tag type='primary' plain>
              {t(`needs.categories.${offer.category}`)}
            </Tag>
            <Text className='needs-card__state'>{offer.name}</Text>
          </View>
          <Text className='needs-card__what'>{offer.what}</Text>
          {offer.mine ? (
            <Button className='needs-offer__withdraw' fill='outline' disabled={busy} onClick={() => void run(() => call('needs.offerWithdraw', { offerId: offer.id }))}>
              {t('needs.offers.withdraw')}
            </Button>
          ) : (
            <Button className='needs-offer__ask' type='primary' fill='outline' size='large' onClick={() => ask(offer)}>
              {t('needs.offers.ask')}
            </Button>
          )}
        </View>
      ))}
      <View className='linli-card needs-offers__form'>
        <LongTextField
          name='offerWhat'
          label={t('needs.offers.what')}
          required
          error={form.errors.offerWhat}
          value={what}
          limit={WHAT_LIMIT}
          placeholder={t('needs.offers.placeholder')}
          onChange={(v) => (setWhat(v), form.clear('offerWhat'))}
        />
        <FormField name='offerCategory' label={t('needs.post.category')} required error={form.errors.offerCategory}>
          <ChoiceChips<NeedCategory> options={NeedCategories.options.map((c) => ({ value: c, label: t(`needs.categories.${c}`) }))} value={category} onChange={(v) => (setCategory(v), form.clear('offerCategory'))} />
        </FormField>
        <SubmitBar
          label={t('needs.offers.post')}
          onSubmit={post}
          busy={busy}
          buttonClassName='needs-offers__post'
          problems={form.problems}
          labels={{ offerWhat: t('needs.offers.what'), offerCategory: t('needs.post.category') }}
          general={problem}
          summaryClassName='needs-offers__problem'
        />
        <SubscribeNote outcome={subscription.outcome} />
      </View>
    </View>
  );
}
