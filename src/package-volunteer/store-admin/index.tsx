import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { StoreFulfilInput, StoreSaveItemInput, type RedemptionView, type StoreItemView } from '../../shared/schemas/credits';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { FormField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ListFooter } from '../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { usePaged } from '../../hooks/usePaged';
import { formatDateTime } from '../../utils/chinaTime';
import { poolPath } from '../../utils/volunteerRoutes';
import { ChipSelect } from '../components/ChipSelect';
import { PhotoPick, uploadedOnce, type PickedPhoto } from '../../components/PhotoPick';
import { Tick } from '../components/Tick';
import { groupedCode, wholeNumber } from '../components/format';
import { staffCommunities } from './communities';
import { LongTextField } from '../../components/LongText';
import '../components/volunteer.scss';
import './index.scss';

type ItemField = 'name' | 'description' | 'cost' | 'stock' | 'limit';
const ITEM_ORDER: readonly ItemField[] = ['name', 'description', 'cost', 'stock', 'limit'];
/** The contract's fields (StoreSaveItemInput) on the form's. */
const ITEM_FIELD_OF: Record<string, ItemField> = { name: 'name', description: 'description', cost: 'cost', stock: 'stock', perPersonLimit: 'limit' };
const ITEM_PROBLEM: Record<ItemField, MessageKey> = {
  name: 'volunteer.admin.problems.name',
  description: 'volunteer.admin.problems.description',
  cost: 'volunteer.admin.problems.cost',
  stock: 'volunteer.admin.problems.stock',
  limit: 'volunteer.admin.problems.limit',
};
const NAME_LIMIT = textLimit(StoreSaveItemInput.shape.name);
const DESCRIPTION_LIMIT = textLimit(StoreSaveItemInput.shape.description.unwrap());

type Tab = 'items' | 'redemptions' | 'fulfil';
type StateFilter = 'all' | RedemptionView['state'];

const toast = (title: string) => {
  Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
};

/**
 * The committee's side of the points store: items (create, edit, take off the shelf), the
 * redemptions with their states, and handing an item over against its pickup code. Links to the
 * community's credit pool and volunteer settings.
 */
export default function StoreAdminPage() {
  const { t } = useI18n();
  const account = useAccount();
  const communities = account.me ? staffCommunities(account.me.account) : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const communityId = chosen ?? communities[0]?.id ?? '';
  const [tab, setTab] = useState<Tab>('items');

  const render = () => {
    if (!account.me) return account.status === 'error' ? <ErrorState message={account.error ?? ''} onRetry={account.retry} /> : <LoadingState cards={2} />;
    if (!communityId) return <EmptyState title={t('volunteer.admin.noCommunity')} />;
    return (
      <>
        {communities.length > 1 ? (
          <View className='linli-section'>
            <Text className='linli-section__title'>{t('volunteer.admin.community')}</Text>
            <ChipSelect name='community' options={communities.map((c) => ({ value: c.id, label: c.name }))} value={[communityId]} onChange={([id]) => id && setChosen(id)} />
          </View>
        ) : null}
        <View className='linli-section store-admin__tabs'>
          <ChipSelect
            name='adminTab'
            options={(['items', 'redemptions', 'fulfil'] as const).map((key) => ({ value: key, label: t(`volunteer.admin.tabs.${key}`) }))}
            value={[tab]}
            onChange={([next]) => setTab((next as Tab | undefined) ?? 'items')}
          />
        </View>
        {tab === 'items' ? <Items key={communityId} communityId={communityId} /> : null}
        {tab === 'redemptions' ? <Redemptions key={communityId} communityId={communityId} /> : null}
        {tab === 'fulfil' ? <Fulfil key={communityId} communityId={communityId} /> : null}
        <View className='linli-section'>
          <Button className='store-admin__pool' fill='outline' size='large' block onClick={() => void Taro.navigateTo({ url: poolPath(communityId) }).catch(() => undefined)}>
            {t('volunteer.admin.pool')}
          </Button>
        </View>
      </>
    );
  };

  return (
    <PageRoot titleKey='volunteer.titles.storeAdmin' className='store-admin'>
      {render()}
    </PageRoot>
  );
}

function Items({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const store = useAsync(() => call('store.items', { communityId }), [communityId]);
  const [editing, setEditing] = useState<StoreItemView | 'new' | null>(null);

  usePullDownRefresh(() => {
    void store.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  if (store.loading && !store.data) return <LoadingState cards={2} />;
  if (store.error || !store.data) return <ErrorState message={store.error ?? ''} onRetry={() => void store.reload()} />;
  if (!store.data.canManage) return <EmptyState title={t('volunteer.admin.cannotManage')} />;
  const data = store.data;
  if (editing) {
    return (
      <ItemForm
        communityId={communityId}
        item={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          const exists = data.items.some((x) => x.id === saved.id);
          store.setData({ ...data, items: exists ? data.items.map((x) => (x.id === saved.id ? saved : x)) : [saved, ...data.items] });
          setEditing(null);
        }}
      />
    );
  }
  return (
    <View className='linli-section volunteer-list'>
      <Button className='store-admin__new' type='primary' size='large' block onClick={() => setEditing('new')}>
        {t('volunteer.admin.newItem')}
      </Button>
      {data.items.length === 0 ? <EmptyState title={t('volunteer.admin.itemsEmpty')} /> : null}
      {data.items.map((item) => (
        <View key={item.id} className='linli-card volunteer-item store-admin__item' data-item-id={item.id}>
          <View className='volunteer-item__head'>
            <Text className='volunteer-item__title'>{item.name}</Text>
            <Tag type={item.active ? 'success' : 'default'}>{item.active ? t('volunteer.admin.active') : t('volunteer.admin.inactive')}</Tag>
          </View>
          <Text className='volunteer-item__line'>
            {[t('volunteer.store.cost', { count: item.cost }), t('volunteer.store.stock', { count: item.stock }), `${t('volunteer.admin.perPersonLimit')} ${item.perPersonLimit}`].join(' · ')}
          </Text>
          <View className='volunteer-item__actions'>
            <Button className='store-admin__edit' fill='outline' onClick={() => setEditing(item)}>
              {t('volunteer.admin.edit')}
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
}

interface ItemFormProps {
  communityId: string;
  item: StoreItemView | null;
  onClose: () => void;
  onSaved: (item: StoreItemView) => void;
}

function ItemForm({ communityId, item, onClose, onSaved }: ItemFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState(item?.name ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  // An existing picture is kept by its address; a newly chosen one is uploaded on save.
  const [image, setImage] = useState<PickedPhoto | null>(item?.image ? { path: item.image, fileId: item.image } : null);
  const [cost, setCost] = useState(item ? String(item.cost) : '');
  const [stock, setStock] = useState(item ? String(item.stock) : '');
  const [limit, setLimit] = useState(item ? String(item.perPersonLimit) : '1');
  const [active, setActive] = useState(item?.active ?? true);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useFormErrors<ItemField>(ITEM_ORDER);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const costValue = wholeNumber(cost);
    const stockValue = wholeNumber(stock);
    const limitValue = wholeNumber(limit);
    setProblem(null);
    // StoreSaveItemInput judges; the form only picks the words (limits from the schema).
    const input = { communityId, name, description, cost: costValue ?? Number.NaN, stock: stockValue ?? Number.NaN, perPersonLimit: limitValue ?? Number.NaN, active };
    const found = schemaFieldErrors(StoreSaveItemInput, input, (path) => ITEM_FIELD_OF[path] ?? null, (issue, field) =>
      issue.code === 'too_big' && issue.origin === 'string' ? issueMessage(t, issue, input) : t(ITEM_PROBLEM[field], { ...(field === 'name' ? NAME_LIMIT : DESCRIPTION_LIMIT) }),
    );
    if (form.refuse(found) || costValue === null || stockValue === null || limitValue === null) return;
    setBusy(true);
    try {
      const fileId = image ? await uploadedOnce(image, 'store', setImage) : null;
      const saved = await call('store.saveItem', {
        communityId,
        ...(item ? { itemId: item.id } : {}),
        name: name.trim(),
        description: description.trim(),
        image: fileId,
        cost: costValue,
        stock: stockValue,
        perPersonLimit: limitValue,
        active,
      });
      toast(t('volunteer.admin.saved'));
      onSaved(saved);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='linli-section store-admin__form'>
      <Text className='linli-section__title'>{item ? t('volunteer.admin.editItem') : t('volunteer.admin.newItem')}</Text>
      <View className='linli-card'>
        <FormField name='name' label={t('volunteer.admin.name')} required error={form.errors.name} count={{ value: name, limit: NAME_LIMIT }}>
          <Input className='volunteer-input' value={name} onChange={(v) => (setName(v), form.clear('name'))} />
        </FormField>
        <LongTextField name='description' label={t('volunteer.admin.description')} error={form.errors.description} value={description} limit={DESCRIPTION_LIMIT} inputClassName='volunteer-textarea' onChange={(v) => (setDescription(v), form.clear('description'))} />
        <FormField name='image' label={t('volunteer.admin.image')}>
          <PhotoPick value={image} onChange={setImage} disabled={busy} />
        </FormField>
        <FormField name='cost' label={t('volunteer.admin.cost')} required error={form.errors.cost}>
          <Input className='volunteer-input' type='number' value={cost} onChange={(v) => (setCost(v), form.clear('cost'))} />
        </FormField>
        <FormField name='stock' label={t('volunteer.admin.stock')} required error={form.errors.stock}>
          <Input className='volunteer-input' type='number' value={stock} onChange={(v) => (setStock(v), form.clear('stock'))} />
        </FormField>
        <FormField name='limit' label={t('volunteer.admin.perPersonLimit')} required error={form.errors.limit}>
          <Input className='volunteer-input' type='number' value={limit} onChange={(v) => (setLimit(v), form.clear('limit'))} />
        </FormField>
        <View className='store-admin__active'>
          <Tick name='active' checked={active} onChange={setActive}>
            {t('volunteer.admin.active')}
          </Tick>
        </View>
      </View>
      <FormErrorSummary
        problems={form.problems}
        labels={{ name: t('volunteer.admin.name'), description: t('volunteer.admin.description'), cost: t('volunteer.admin.cost'), stock: t('volunteer.admin.stock'), limit: t('volunteer.admin.perPersonLimit') }}
        general={problem}
        className='store-admin__summary'
      />
      <View className='store-admin__form-actions'>
        <Button fill='outline' size='large' disabled={busy} onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button className='store-admin__save' type='primary' size='large' loading={busy} disabled={busy} onClick={() => void save()}>
          {t('volunteer.common.save')}
        </Button>
      </View>
    </View>
  );
}

function Redemptions({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<StateFilter>('pending');
  const list = usePaged<RedemptionView>(
    (offset) => call('store.redemptions', { communityId, offset, limit: 20, ...(filter === 'all' ? {} : { state: filter }) }),
    (r) => r.id,
    [communityId, filter],
  );
  const [cancelling, setCancelling] = useState<RedemptionView | null>(null);

  usePullDownRefresh(() => {
    void list.refresh().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.loading) void list.loadMore();
  });

  const cancel = async () => {
    if (!cancelling) return;
    try {
      const next = await call('store.cancel', { redemptionId: cancelling.id });
      list.setItems((items) => (filter === 'all' ? items.map((x) => (x.id === next.id ? next : x)) : items.filter((x) => x.id !== next.id)));
      toast(t('volunteer.admin.cancelled'));
    } catch (error) {
      toast(errorMessage(error));
    }
  };

  return (
    <View className='linli-section'>
      <ChipSelect
        name='stateFilter'
        options={(['pending', 'fulfilled', 'cancelled', 'all'] as const).map((key) => ({ value: key, label: t(`volunteer.admin.filters.${key}`) }))}
        value={[filter]}
        onChange={([next]) => setFilter((next as StateFilter | undefined) ?? 'pending')}
      />
      <View className='volunteer-list store-admin__redemptions'>
        {list.loading ? <LoadingState cards={2} /> : null}
        {!list.loading && list.error ? <ErrorState message={list.error} onRetry={() => void list.refresh()} /> : null}
        {!list.loading && !list.error && list.items.length === 0 ? <EmptyState title={t('volunteer.admin.redemptionsEmpty')} /> : null}
        {!list.loading && !list.error
          ? list.items.map((r) => (
              <View key={r.id} className='linli-card volunteer-item' data-redemption-id={r.id}>
                <View className='volunteer-item__head'>
                  <Text className='volunteer-item__title'>{r.itemName}</Text>
                  <Tag type={r.state === 'pending' ? 'warning' : r.state === 'fulfilled' ? 'success' : 'default'}>{t(`volunteer.store.states.${r.state}`)}</Tag>
                </View>
                <Text className='volunteer-item__line'>{t('volunteer.admin.redeemedBy', { name: r.nickname, time: formatDateTime(t, r.createdAt) })}</Text>
                <Text className='volunteer-item__line'>{`${t('volunteer.admin.pickupCode')} ${groupedCode(r.pickupCode)} · ${t('volunteer.store.cost', { count: r.cost })}`}</Text>
                {r.state === 'pending' ? (
                  <View className='volunteer-item__actions'>
                    <Button fill='outline' onClick={() => setCancelling(r)}>
                      {t('volunteer.admin.cancel')}
                    </Button>
                  </View>
                ) : null}
              </View>
            ))
          : null}
        {!list.loading && !list.error && list.items.length > 0 ? (
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onLoadMore={() => void list.loadMore()} />
        ) : null}
      </View>
      <ConfirmDialog
        visible={cancelling !== null}
        title={t('volunteer.admin.cancelTitle')}
        message={t('volunteer.admin.cancelMessage')}
        confirmText={t('volunteer.admin.cancelConfirm')}
        cancelText={t('volunteer.admin.keep')}
        onConfirm={cancel}
        onClose={() => setCancelling(null)}
      />
    </View>
  );
}

function Fulfil({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [last, setLast] = useState<RedemptionView | null>(null);
  const [busy, setBusy] = useState(false);

  const fulfil = async () => {
    const digits = code.replace(/\D/g, '');
    // store.fulfil's own schema judges the code (8 digits), so the rule is written once.
    if (!StoreFulfilInput.safeParse({ communityId, pickupCode: digits }).success) return setProblem(t('volunteer.admin.problems.pickup'));
    setProblem(null);
    setBusy(true);
    try {
      const done = await call('store.fulfil', { communityId, pickupCode: digits });
      setLast(done);
      setCode('');
      toast(t('volunteer.admin.fulfilled', { item: done.itemName, name: done.nickname }));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='linli-section'>
      <View className='linli-card'>
        <FormField name='pickupCode' label={t('volunteer.admin.pickupCode')} error={problem}>
          <Input className='volunteer-input store-admin__code' type={process.env.TARO_ENV === 'h5' ? 'tel' : 'number'} value={code} maxLength={9} placeholder={t('volunteer.admin.pickupPlaceholder')} onChange={setCode} />
        </FormField>
        <View className='store-admin__fulfil'>
          <Button className='store-admin__fulfil-button' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void fulfil()}>
            {t('volunteer.admin.fulfil')}
          </Button>
        </View>
      </View>
      {last ? (
        <View className='linli-card volunteer-item store-admin__last' role='status'>
          <Text className='volunteer-item__title'>{t('volunteer.admin.fulfilled', { item: last.itemName, name: last.nickname })}</Text>
        </View>
      ) : null}
    </View>
  );
}
