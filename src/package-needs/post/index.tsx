import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { DateField } from '../../components/DateField';
import { FormField } from '../../components/FormField';
import { LongTextField } from '../../components/LongText';
import { SubmitBar } from '../../components/SubmitBar';
import { useAsync, errorMessage } from '../../hooks/useAsync';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { useAccount } from '../../hooks/useAccount';
import type { MessageKey } from '../../locales';
import { NeedCategory, NeedsPostInput } from '../../shared/schemas/needs';
import { chinaDay } from '../../utils/chinaTime';
import { textLimit, type TextLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { askSubscriptions } from '../../utils/subscribe';
import { subscribeLine } from '../../components/SubscribeNote';
import { needRoutes } from '../../utils/needRoutes';
import { askedOffer } from '../askedOffer';
import './index.scss';

type Field = 'what' | 'category' | 'whenFrom' | 'whenTo' | 'place' | 'phone';
const FIELD_ORDER: readonly Field[] = ['what', 'category', 'whenFrom', 'whenTo', 'place', 'phone'];
const FIELDS = new Set<string>(FIELD_ORDER);
const PROBLEM = Object.fromEntries(FIELD_ORDER.map((f) => [f, `needs.post.problems.${f}`])) as Record<Field, MessageKey>;
/** Text limits of the contract (NeedsPostInput), for the counters and the messages. */
const LIMITS = { what: textLimit(NeedsPostInput.shape.what), place: textLimit(NeedsPostInput.shape.place) } as const;
const LIMIT_OF: Partial<Record<Field, TextLimit>> = LIMITS;

/**
 * Posting a need: what, when (a day or a window), where and a phone — for myself or, where I act
 * for a resident with her consent, for her. The form checks with the contract's own schema.
 * Opened from a time-bank offer ("ask for help", `offerId`), it is prefilled with the offer and the
 * need goes to its author alone — unless she chooses the public board instead.
 */
export default function NeedsPostPage() {
  const { t } = useI18n();
  // Signed in, with a home community: the board is her community's.
  useAccount({ requireCommunity: true });
  const proxies = useAsync(() => call('proxies.list', {}), []);
  const today = chinaDay();
  const router = useRouter();
  const [offerId, setOfferId] = useState(router.params.offerId ?? '');
  const offer = offerId ? askedOffer(offerId) : null;
  const [forUserId, setForUserId] = useState<string>('self');
  const [what, setWhat] = useState(offer?.what ?? '');
  const [category, setCategory] = useState<NeedCategory | null>(offer?.category ?? null);
  const [whenFrom, setWhenFrom] = useState(today);
  const [whenTo, setWhenTo] = useState('');
  const [place, setPlace] = useState('');
  const [phone, setPhone] = useState('');
  const form = useFormErrors<Field>(FIELD_ORDER);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setGeneral(null);
    const input = { what, category: category ?? '', whenFrom, ...(whenTo ? { whenTo } : {}), place, phone, ...(forUserId === 'self' ? {} : { forUserId }), ...(offerId ? { offerId } : {}) };
    const found = schemaFieldErrors(NeedsPostInput, input, (path) => (FIELDS.has(path) ? (path as Field) : null), (issue, field) =>
      // Too long: "at most 200, now 214" (the text is never cut); else the field's own words with the schema's bounds.
      issue.code === 'too_big' && issue.origin === 'string' ? issueMessage(t, issue, input) : t(PROBLEM[field], { ...(LIMIT_OF[field] ?? {}) }),
    );
    if (form.refuse(found) || !category) return;
    // In the tap, before any await (WeChat shows the prompt only there): consent for the message
    // that someone took the need on (one consent, one message; docs/wechat.md).
    const consent = askSubscriptions(['needClaimed']);
    try {
      setBusy(true);
      const need = await call('needs.post', { ...input, category });
      // What she subscribed to goes with the confirmation (the form is replaced next).
      const subscribed = await consent;
      Taro.showToast(subscribed ? { title: `${t('needs.post.sent')}\n${subscribeLine(t, subscribed)}`, icon: 'none', duration: 3000 } : { title: t('needs.post.sent'), icon: 'success' }).catch(() => undefined);
      await Taro.redirectTo({ url: needRoutes.detail(need.id) }).catch(() => undefined);
    } catch (error) {
      setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const actingFor = proxies.data?.canActFor ?? [];
  return (
    <PageRoot titleKey='needs.titles.post' className='needs-post'>
      <Text className='needs-post__intro'>{t('needs.post.intro')}</Text>
      {offerId ? (
        <View className='linli-card needs-post__asking'>
          {offer ? <Text className='needs-post__asking-who'>{t('needs.post.asking', { name: offer.name, offer: offer.what })}</Text> : null}
          <Text className='needs-post__asking-hint'>{t('needs.post.askingHint')}</Text>
          <Button className='needs-post__ask-nobody' fill='none' onClick={() => setOfferId('')}>
            {t('needs.post.askNobody')}
          </Button>
        </View>
      ) : null}
      <View className='linli-section'>
        <View className='linli-card'>
          {actingFor.length > 0 ? (
            <FormField name='forWhom' label={t('needs.post.forWhom')}>
              <ChoiceChips<string> options={[{ value: 'self', label: t('needs.post.myself') }, ...actingFor.map((p) => ({ value: p.userId, label: p.nickname }))]} value={forUserId} onChange={setForUserId} />
            </FormField>
          ) : null}
          <LongTextField
            name='what'
            label={t('needs.post.what')}
            required
            error={form.errors.what}
            value={what}
            limit={LIMITS.what}
            placeholder={t('needs.post.whatPlaceholder')}
            onChange={(v) => (setWhat(v), form.clear('what'))}
          />
          <FormField name='category' label={t('needs.post.category')} required error={form.errors.category}>
            <ChoiceChips<NeedCategory> options={NeedCategory.options.map((c) => ({ value: c, label: t(`needs.categories.${c}`) }))} value={category} onChange={(v) => (setCategory(v), form.clear('category'))} />
          </FormField>
          <FormField name='whenFrom' label={t('needs.post.whenFrom')} required error={form.errors.whenFrom}>
            <DateField value={whenFrom} min={today} label={t('needs.post.whenFrom')} onChange={(v) => (setWhenFrom(v), form.clear('whenFrom'))} />
          </FormField>
          <FormField name='whenTo' label={t('needs.post.whenTo')} error={form.errors.whenTo}>
            <DateField value={whenTo || whenFrom} min={whenFrom} label={t('needs.post.whenTo')} onChange={(v) => (setWhenTo(v), form.clear('whenTo'))} />
          </FormField>
          <FormField name='place' label={t('needs.post.place')} required error={form.errors.place} count={{ value: place, limit: LIMITS.place }}>
            <Input className='needs-post__place' value={place} placeholder={t('needs.post.placePlaceholder')} onChange={(v) => (setPlace(v), form.clear('place'))} />
          </FormField>
          <FormField name='phone' label={t('needs.post.phone')} required error={form.errors.phone}>
            <Input className='needs-post__phone' type='number' value={phone} onChange={(v) => (setPhone(v), form.clear('phone'))} />
          </FormField>
        </View>
      </View>
      <SubmitBar
        label={t('needs.post.submit')}
        onSubmit={() => void submit()}
        busy={busy}
        buttonClassName='needs-post__submit'
        problems={form.problems}
        labels={{ what: t('needs.post.what'), category: t('needs.post.category'), whenFrom: t('needs.post.whenFrom'), whenTo: t('needs.post.whenTo'), place: t('needs.post.place'), phone: t('needs.post.phone') }}
        general={general}
      />
    </PageRoot>
  );
}
