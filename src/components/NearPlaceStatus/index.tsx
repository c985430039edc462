/**
 * The line under a list's "nearest first" choice (the home tab's groups and the activities tab): asking for a
 * place, why there is none, or the place the list is measured from with a way to change it.
 * Texts come from the page so each list keeps its own wording.
 */
import { Text, View } from '@tarojs/components';
import type { NearSortState } from '../../hooks/useNearSort';
import './index.scss';

export interface NearPlaceTexts {
  locating: string;
  /** The place line, given the place's name (or "here"). */
  from: (placeName: string | null) => string;
  changePlace: string;
  note: string;
}

export function NearPlaceStatus({ state, texts }: { state: NearSortState; texts: NearPlaceTexts }) {
  return (
    <>
      {state.locating ? (
        <View className='linli-near linli-near--busy' role='status'>
          <Text>{texts.locating}</Text>
        </View>
      ) : null}
      {state.problem ? (
        <View className='linli-near linli-near--problem' role='alert'>
          <Text>{state.problem}</Text>
        </View>
      ) : null}
      {state.near && state.place && !state.locating ? (
        <View className='linli-near'>
          <Text className='linli-near__place'>{texts.from(state.place.name ?? null)}</Text>
          <View className='linli-near__change' role='button' onClick={() => void state.locate()}>
            <Text>{texts.changePlace}</Text>
          </View>
          <Text className='linli-near__note'>{texts.note}</Text>
        </View>
      ) : null}
    </>
  );
}
