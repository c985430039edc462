/**
 * "离我最近" for a list: whether it is on, the place it measures from (asked once a session:
 * WeChat's map picker on the mini-program, the browser's position on H5 — utils/nearPlace.ts,
 * shared with the 活动 tab through stores/nearPlace.ts), and what went wrong asking for it.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { NearPoint } from '../shared/schemas/activities';
import { useStore } from '../stores/createStore';
import { nearPlaceStore } from '../stores/nearPlace';
import { chooseNearPlace, type NearPlace } from '../utils/nearPlace';

export interface NearSortMessages {
  /** Shown when no position can be had (H5 without one). */
  unavailable: string;
  /** Toasted when the map picker is closed without a place. */
  cancelled: string;
}

export interface NearSortState {
  /** The place to send as `near`, only while sorting by distance. */
  near: NearPoint | null;
  place: NearPlace | null;
  nearest: boolean;
  locating: boolean;
  problem: string | null;
  /** Asks for a (new) place and sorts by it. */
  locate: () => Promise<void>;
  /** Turns distance sorting on (asking for a place if none yet) or off. */
  choose: (nearest: boolean) => void;
}

export function useNearSort(messages: NearSortMessages): NearSortState {
  const place = useStore(nearPlaceStore);
  const [nearest, setNearest] = useState(false);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const locate = async () => {
    setLocating(true);
    setProblem(null);
    try {
      const outcome = await chooseNearPlace(null);
      if ('place' in outcome) {
        nearPlaceStore.set(outcome.place);
        setNearest(true);
      } else if (outcome.failed === 'unavailable') {
        setProblem(messages.unavailable);
      } else {
        Taro.showToast({ title: messages.cancelled, icon: 'none' }).catch(() => undefined);
      }
    } finally {
      setLocating(false);
    }
  };

  const choose = (next: boolean) => {
    if (!next) {
      setNearest(false);
      setProblem(null);
    } else if (nearPlaceStore.get()) {
      setNearest(true);
    } else if (!locating) {
      void locate();
    }
  };

  return {
    near: nearest && place ? { latitude: place.latitude, longitude: place.longitude } : null,
    place,
    nearest,
    locating,
    problem,
    locate,
    choose,
  };
}
