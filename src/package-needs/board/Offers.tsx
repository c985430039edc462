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
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { needRoutes } from '../../utils/needRoutes';
import { rememberAskedOffer } from '../askedOffer';

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
    if (!NeedsOfferPostInput.safeParse({ what, category }).success) return setProblem(t('needs.offers.problem'));
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
        <LongTextField name='offerWhat' label={t('needs.offers.what')} value={what} limit={{ min: 4, max: 200 }} placeholder={t('needs.offers.placeholder')} onChange={setWhat} />
        <FormField name='offerCategory' label={t('needs.post.category')}>
          <ChoiceChips<NeedCategory> options={NeedCategories.options.map((c) => ({ value: c, label: t(`needs.categories.${c}`) }))} value={category} onChange={setCategory} />
        </FormField>
        <Button className='needs-offers__post' type='primary' size='large' block loading={busy} onClick={post}>
          {t('needs.offers.post')}
        </Button>
        {problem ? <Text className='needs-offers__problem'>{problem}</Text> : null}
      </View>
    </View>
  );
}
