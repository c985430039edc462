import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Poster } from '../../shared/schemas/common';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import type { Translate } from '../../locales';
import { formatRange } from '../../utils/chinaTime';
import { isWeapp } from '../../utils/platform';
import { drawPoster, type PosterTexts } from './drawPoster';
import { browserSurface, weappSurface, type PosterSurface } from './posterCanvas';
import { openAlbumSettings, savePoster, type SaveOutcome } from './savePoster';
import './index.scss';

const CANVAS_ID = 'linli-poster-canvas';

/** The poster's texts in the reader's language. */
export function posterTexts(t: Translate, poster: Poster): PosterTexts {
  const lines = [
    ...(poster.startAt && poster.endAt ? [t('poster.when', { time: formatRange(t, poster.startAt, poster.endAt) })] : []),
    ...(poster.place ? [t('poster.where', { place: poster.place })] : []),
    poster.startAt ? t('poster.group', { name: poster.groupName }) : t('poster.groupLine'),
  ];
  return { brand: t('poster.brand'), title: poster.title, lines, scan: t('poster.scan') };
}

/**
 * A noticeboard poster (?kind=group|activity&id=) for leaders and organisers: the group's or
 * activity's facts and its mini-program code drawn on a canvas, saved to the phone's album
 * (mini-program) or downloaded as a PNG (browser). Entries: the group's management page and the
 * activity page's organiser tools.
 */
export default function PosterPage() {
  const { t } = useI18n();
  useAccount();
  const params = useRouter().params;
  const kind = params.kind === 'activity' ? 'activity' : 'group';
  const id = params.id ?? '';
  const poster = useAsync<Poster>(
    () => (kind === 'activity' ? call('activities.poster', { activityId: id }) : call('groups.poster', { groupId: id })),
    [kind, id],
    { enabled: id !== '' },
  );
  const browserCanvas = useRef<HTMLCanvasElement | null>(null);
  const [surface, setSurface] = useState<PosterSurface | null>(null);
  const [drawError, setDrawError] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);

  const data = poster.data;
  useEffect(() => {
    if (!data) return undefined;
    let live = true;
    setSurface(null);
    setDrawError(false);
    const draw = async () => {
      try {
        let target: PosterSurface;
        if (isWeapp) {
          // The canvas node exists once the page has rendered it.
          await new Promise<void>((resolve) => Taro.nextTick(resolve));
          target = await weappSurface(CANVAS_ID);
        } else {
          if (!browserCanvas.current) throw new Error('poster canvas not rendered');
          target = browserSurface(browserCanvas.current);
        }
        const code = await target.loadImage(data.code.image);
        if (!live) return;
        drawPoster(target.ctx, posterTexts(t, data), code);
        setSurface(target);
      } catch {
        if (live) setDrawError(true);
      }
    };
    void draw();
    return () => {
      live = false;
    };
  }, [data, t]);

  const save = async () => {
    if (!surface || saving) return;
    setSaving(true);
    setOutcome(null);
    try {
      const result = await savePoster(surface.canvas, t('poster.fileName'));
      setOutcome(result);
      if (result === 'saved' || result === 'downloaded') {
        Taro.showToast({ title: t(result === 'saved' ? 'poster.saved' : 'poster.downloaded'), icon: 'none', duration: 3000 }).catch(() => undefined);
      } else if (result === 'failed') {
        Taro.showToast({ title: t('poster.failed'), icon: 'none' }).catch(() => undefined);
      }
    } finally {
      setSaving(false);
    }
  };

  const settings = async () => {
    // Allowed there: the next tap saves (WeChat asks no more once the scope is granted).
    if (await openAlbumSettings()) setOutcome(null);
  };

  const body = () => {
    if (!id) return <ErrorState message={t('poster.drawFailed')} onRetry={() => void Taro.navigateBack().catch(() => undefined)} />;
    if (poster.error) return <ErrorState message={poster.error} code={poster.errorCode} onRetry={() => void poster.reload()} />;
    if (!data) return <LoadingState cards={2} />;
    return (
      <View className='poster__body'>
        {isWeapp ? (
          <Canvas type='2d' id={CANVAS_ID} className='poster__canvas' />
        ) : (
          <canvas ref={browserCanvas} className='poster__canvas' aria-label={data.title} />
        )}
        {drawError ? <ErrorState message={t('poster.drawFailed')} onRetry={() => void poster.reload()} /> : null}
        <Text className='poster__hint'>{t('poster.hint')}</Text>
        {outcome === 'denied' ? (
          <View className='poster__denied' role='alert'>
            <Text>{t('poster.denied')}</Text>
            <Button className='poster__settings' fill='outline' type='primary' onClick={() => void settings()}>
              {t('poster.openSettings')}
            </Button>
          </View>
        ) : null}
        <View className='poster__bar'>
          <Button className='poster__save' type='primary' size='large' block loading={saving} disabled={!surface || saving} onClick={() => void save()}>
            {saving ? t('poster.saving') : t(isWeapp ? 'poster.save' : 'poster.download')}
          </Button>
        </View>
      </View>
    );
  };

  return (
    <PageRoot titleKey='poster.title' className='poster' busy={poster.loading}>
      {body()}
    </PageRoot>
  );
}
