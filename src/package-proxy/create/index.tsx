import '../locale';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { Id } from '../../shared/schemas/common';
import { ProxyAddConsentInput, ProxyCreateResidentInput, ProxyRelation, ProxyWitness } from '../../shared/schemas/signups';
import { call, uploadImage } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { PhotoPick, type PickedPhoto } from '../../components/PhotoPick';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { SubmitBar } from '../../components/SubmitBar';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage } from '../../hooks/useAsync';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useI18n } from '../../hooks/useI18n';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { proxyRecordsPath } from '../../utils/eventRoutes';
import './index.scss';

type Field = 'nickname' | 'homeCommunityId' | 'birthYear' | 'proxyUserId' | 'relation' | 'witness';
const FIELDS: readonly Field[] = ['nickname', 'homeCommunityId', 'birthYear', 'relation', 'proxyUserId', 'witness'];

// Counters read their limits from the contract (issue 16 item 1): shown as she types, never cut.
const NICKNAME_LIMIT = textLimit(ProxyCreateResidentInput.shape.nickname);
/** The paper form's number (the photo side of the witness is a file id). */
const PAPER_REF_LIMIT = textLimit(ProxyWitness.options[0].shape.ref);

/** Grants that sit on a community and may register there (committee staff, grid workers). */
const COMMUNITY_ROLES = ['committee', 'grid'];

/**
 * Staff of a community or its grid worker registers a resident without a smartphone
 * (proxies.createResident): her name, community, birth year if known, who acts for her (the
 * registrar himself or a family member's account), and the consent she signed on paper — its
 * number, or a photo of it. With ?residentUserId= it records another consent she signed
 * (proxies.addConsent): only the proxy and the form are asked. The shared schema judges first.
 */
export default function ProxyCreatePage() {
  const { t } = useI18n();
  const account = useAccount();
  const { me } = account;
  const param = useRouter().params.residentUserId;
  const residentUserId = param && Id.safeParse(param).success ? param : null;
  const communities = (me?.account.roles ?? []).filter((role) => COMMUNITY_ROLES.includes(role.role));
  const [nickname, setNickname] = useState('');
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [birthYear, setBirthYear] = useState('');
  const [proxyKind, setProxyKind] = useState<'self' | 'family'>('self');
  const [proxyUserId, setProxyUserId] = useState('');
  const [relation, setRelation] = useState<ProxyRelation>('grid_worker');
  const [form, setForm] = useState<'paper' | 'photo'>('paper');
  const [ref, setRef] = useState('');
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const errors = useFormErrors<Field>(FIELDS);
  const community = communityId ?? communities[0]?.regionId ?? null;

  // A new resident's community comes from the registrar's grants: until they are known, a
  // skeleton (or the account's error with a retry) rather than a form with nothing to choose.
  if (!me && !residentUserId) {
    return (
      <PageRoot titleKey='proxy.titles.create' className='proxy-create' busy={account.status !== 'error'}>
        {account.status === 'error' ? <ErrorState message={account.error ?? ''} onRetry={account.retry} /> : <LoadingState cards={2} />}
      </PageRoot>
    );
  }
  if (me && communities.length === 0 && !residentUserId) {
    return (
      <PageRoot titleKey='proxy.titles.create' className='proxy-create'>
        <EmptyState title={t('proxy.create.noCommunity')} />
      </PageRoot>
    );
  }

  // The photo is uploaded as soon as it is chosen: its file id is the witness's `ref`, which the
  // shared schema judges before anything is sent. A failed upload leaves the field empty.
  const pickPhoto = async (picked: PickedPhoto | null) => {
    setPhoto(picked);
    setRef('');
    if (!picked) return;
    errors.clear('witness');
    setGeneral(null);
    try {
      const fileId = await uploadImage(picked.path, 'evidence');
      setPhoto({ ...picked, fileId });
      setRef(fileId);
    } catch (error) {
      setPhoto(null);
      setGeneral(errorMessage(error));
    }
  };

  const submit = async () => {
    setGeneral(null);
    if (residentUserId) return addConsent();
    const input = {
      nickname,
      homeCommunityId: community ?? '',
      ...(birthYear.trim() ? { birthYear: Number(birthYear.trim()) } : {}),
      ...(proxyKind === 'family' ? { proxyUserId: proxyUserId.trim() } : {}),
      relation,
      witness: { form, ref },
    };
    const problems = schemaFieldErrors(ProxyCreateResidentInput, input, (path) => (FIELDS as readonly string[]).find((field) => path === field || path.startsWith(`${field}.`)) as Field | null ?? null, (issue) => issueMessage(t, issue, input));
    if (errors.refuse(problems)) return;
    setBusy(true);
    try {
      const created = await call('proxies.createResident', ProxyCreateResidentInput.parse(input));
      Taro.showToast({ title: t('proxy.create.done', { name: created.nickname }), icon: 'none', duration: 2500 }).catch(() => undefined);
      Taro.redirectTo({ url: proxyRecordsPath(created.residentUserId) }).catch(() => undefined);
    } catch (error) {
      setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  // Another consent for a resident already registered: the proxy, relation and witnessed form only.
  const addConsent = async () => {
    const input = { residentUserId: residentUserId ?? '', ...(proxyKind === 'family' ? { proxyUserId: proxyUserId.trim() } : {}), relation, witness: { form, ref } };
    const problems = schemaFieldErrors(ProxyAddConsentInput, input, (path) => (FIELDS as readonly string[]).find((field) => path === field || path.startsWith(`${field}.`)) as Field | null ?? null, (issue) => issueMessage(t, issue, input));
    if (errors.refuse(problems)) return;
    setBusy(true);
    try {
      await call('proxies.addConsent', ProxyAddConsentInput.parse(input));
      Taro.showToast({ title: t('proxy.create.doneAdd'), icon: 'none', duration: 2500 }).catch(() => undefined);
      Taro.redirectTo({ url: proxyRecordsPath(residentUserId ?? undefined) }).catch(() => undefined);
    } catch (error) {
      setGeneral(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<Field, string> = {
    nickname: t('proxy.create.nickname'),
    homeCommunityId: t('proxy.create.community'),
    birthYear: t('proxy.create.birthYear'),
    proxyUserId: t('proxy.create.proxyUserId'),
    relation: t('proxy.create.relation'),
    witness: t('proxy.create.ref'),
  };

  return (
    <PageRoot titleKey='proxy.titles.create' className='proxy-create' busy={busy}>
      <Text className='proxy-create__intro'>{t(residentUserId ? 'proxy.create.introAdd' : 'proxy.create.intro')}</Text>
      <View className='linli-card proxy-create__form'>
        {residentUserId ? null : (
          <>
            <FormField name='nickname' label={labels.nickname} required error={errors.errors.nickname} count={{ value: nickname, limit: NICKNAME_LIMIT }}>
              <Input className='proxy-create__nickname' value={nickname} placeholder={t('proxy.create.nicknamePlaceholder')} onChange={(v) => { setNickname(v); errors.clear('nickname'); }} />
            </FormField>
            <FormField name='homeCommunityId' label={labels.homeCommunityId} required error={errors.errors.homeCommunityId}>
              <ChoiceChips className='proxy-create__communities' options={communities.map((c) => ({ value: c.regionId, label: c.regionName }))} value={community} onChange={setCommunityId} />
            </FormField>
            <FormField name='birthYear' label={labels.birthYear} error={errors.errors.birthYear}>
              <Input className='proxy-create__birth-year' type='number' maxLength={4} value={birthYear} placeholder={t('proxy.create.birthYearPlaceholder')} onChange={(v) => { setBirthYear(v.replace(/\D/g, '')); errors.clear('birthYear'); }} />
            </FormField>
          </>
        )}
        <FormField name='relation' label={labels.relation} required error={errors.errors.relation}>
          <ChoiceChips className='proxy-create__relations' options={ProxyRelation.options.map((value) => ({ value, label: t(`events.relations.${value}`) }))} value={relation} onChange={setRelation} />
        </FormField>
        <FormField name='proxyKind' label={t('proxy.create.proxy')} required>
          <ChoiceChips className='proxy-create__proxy' options={[{ value: 'self' as const, label: t('proxy.create.proxySelf') }, { value: 'family' as const, label: t('proxy.create.proxyFamily') }]} value={proxyKind} onChange={setProxyKind} />
        </FormField>
        {proxyKind === 'family' ? (
          <FormField name='proxyUserId' label={labels.proxyUserId} required hint={t('proxy.create.proxyUserIdHint')} error={errors.errors.proxyUserId}>
            <Input className='proxy-create__proxy-user' value={proxyUserId} onChange={(v) => { setProxyUserId(v); errors.clear('proxyUserId'); }} />
          </FormField>
        ) : null}
        <FormField name='witnessForm' label={t('proxy.create.witnessForm')} required>
          <ChoiceChips className='proxy-create__forms' options={[{ value: 'paper' as const, label: t('proxy.create.paper') }, { value: 'photo' as const, label: t('proxy.create.photo') }]} value={form} onChange={(v) => { setForm(v); setRef(''); setPhoto(null); }} />
        </FormField>
        <FormField name='witness' label={labels.witness} required error={errors.errors.witness} count={form === 'paper' ? { value: ref, limit: PAPER_REF_LIMIT } : undefined}>
          {form === 'paper' ? (
            <Input className='proxy-create__ref' value={ref} placeholder={t('proxy.create.refPlaceholder')} onChange={(v) => { setRef(v); errors.clear('witness'); }} />
          ) : (
            <PhotoPick className='proxy-create__photo' value={photo} onChange={(picked) => void pickPhoto(picked)} disabled={busy} />
          )}
        </FormField>
      </View>
      <View className='proxy-create__bar'>
        <SubmitBar label={t(residentUserId ? 'proxy.create.submitAdd' : 'proxy.create.submit')} onSubmit={() => void submit()} busy={busy} buttonClassName='proxy-create__submit' problems={errors.problems} labels={labels} general={general ?? undefined} />
      </View>
    </PageRoot>
  );
}
