// The upload queue in React: files wait, at most two go at once, each can be cancelled.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { newCommandId } from '../sync/ids.ts';
import { headOf, uploadPdf, type RunningUpload } from './upload.ts';
import {
  looksLikePdf,
  readyToStart,
  refusalOf,
  uploadReducer,
  type UploadEntry,
} from './uploadQueue.ts';

/** A finished upload's line stays this long: its document now shows in the item's list. */
const DONE_SHOWN_MS = 4000;

export interface Uploads {
  entries: UploadEntry[];
  add: (itemId: string, files: File[]) => void;
  cancel: (key: string) => void;
  dismiss: (key: string) => void;
}

export function useUploads(meetingId: string): Uploads {
  const [entries, dispatch] = useReducer(uploadReducer, []);
  const files = useRef(new Map<string, File>());
  const running = useRef(new Map<string, RunningUpload>());

  const add = useCallback((itemId: string, list: File[]) => {
    for (const file of list) {
      const key = newCommandId();
      files.current.set(key, file);
      dispatch({ type: 'add', key, itemId, name: file.name, size: file.size });
    }
  }, []);

  const start = useCallback(
    async (entry: UploadEntry) => {
      const file = files.current.get(entry.key);
      if (!file) return;
      dispatch({ type: 'start', key: entry.key });
      const finish = (): void => {
        files.current.delete(entry.key);
        running.current.delete(entry.key);
      };
      if (file.size === 0) {
        dispatch({ type: 'refuse', key: entry.key, refusal: 'empty' });
        return finish();
      }
      // what is plainly not a PDF is refused here, without sending it
      const head = await headOf(file);
      if (!files.current.has(entry.key)) return; // cancelled while its first bytes were read
      if (!looksLikePdf(head)) {
        dispatch({ type: 'refuse', key: entry.key, refusal: 'notPdf' });
        return finish();
      }
      const upload = uploadPdf(meetingId, entry.itemId, file, (loaded) =>
        dispatch({ type: 'progress', key: entry.key, loaded }),
      );
      running.current.set(entry.key, upload);
      const result = await upload.done;
      finish();
      if (result.ok) {
        dispatch({ type: 'done', key: entry.key });
        setTimeout(() => dispatch({ type: 'dismiss', key: entry.key }), DONE_SHOWN_MS);
      } else if (result.code === 'CANCELLED') {
        dispatch({ type: 'cancel', key: entry.key });
      } else {
        const refusal = refusalOf(result.code, result.status);
        dispatch(
          refusal
            ? { type: 'refuse', key: entry.key, refusal }
            : { type: 'fail', key: entry.key, errorCode: result.code },
        );
      }
    },
    [meetingId],
  );

  useEffect(() => {
    for (const entry of readyToStart(entries)) void start(entry);
  }, [entries, start]);

  // leaving the screen stops what is still being sent
  useEffect(() => {
    const map = running.current;
    return () => {
      for (const upload of map.values()) upload.cancel();
    };
  }, []);

  const cancel = useCallback((key: string) => {
    const upload = running.current.get(key);
    if (upload) upload.cancel();
    else {
      files.current.delete(key);
      dispatch({ type: 'cancel', key });
    }
  }, []);

  const dismiss = useCallback((key: string) => dispatch({ type: 'dismiss', key }), []);

  return { entries, add, cancel, dismiss };
}
