import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Envelope } from '../../../src-main/contract';
import { ApiError, callNative, isDesktop } from '../../api';
import { notifyError } from '../../lib/errors';

/** The file an import reads: its path on this computer (or the upload's name) and its own name. */
export interface ImportSource {
  path: string;
  fileName: string;
}

/** What a text or workbook file may be chosen as (the browser's picker offers all files too). */
const IMPORT_FILES = '.csv,.txt,.tsv,.xlsx,.vcf';

/**
 * 选择文件: the desktop app asks the system's open dialog; the browser edition uploads the
 * chosen file to the data folder (`POST /upload/import`) and reads it there. `input` is the
 * hidden file input the browser edition needs, to be rendered by the caller.
 */
export function useImportFile(onChosen: (source: ImportSource) => void) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const choose = useCallback(async () => {
    if (!isDesktop) {
      picker.current?.click();
      return;
    }
    try {
      const path = await callNative('native.chooseImportFile', {});
      if (path) onChosen({ path, fileName: path.split(/[\\/]/).pop() ?? path });
    } catch (err) {
      notifyError(t, err);
    }
  }, [onChosen, t]);

  const upload = useCallback(
    async (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.currentTarget.files?.[0];
      // Cleared, so that choosing the same file again is a change too.
      event.currentTarget.value = '';
      if (!file) return;
      setBusy(true);
      try {
        const res = await fetch('upload/import', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/octet-stream',
            'X-File-Name': encodeURIComponent(file.name),
          },
          body: file,
          credentials: 'same-origin',
        });
        const envelope = (await res.json()) as Envelope<{ upload: string; name: string }>;
        if (!envelope.ok) throw new ApiError(envelope.error);
        onChosen({ path: envelope.data.upload, fileName: envelope.data.name });
      } catch (err) {
        notifyError(
          t,
          err instanceof ApiError ? err : new ApiError({ code: 'NETWORK', message: (err as Error).message }),
        );
      } finally {
        setBusy(false);
      }
    },
    [onChosen, t],
  );

  const input = isDesktop ? null : (
    <input
      ref={picker}
      type="file"
      accept={IMPORT_FILES}
      hidden
      aria-label={t('import.file.choose')}
      onChange={(e) => void upload(e)}
    />
  );
  return { choose, input, busy };
}
