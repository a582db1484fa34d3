/** The shape every format's extractor returns (file.ts dispatches on the extension). */
import type { ExtractionReport } from '../../core/model.ts';
import type { LoadedNote, LoadedPassage } from '../../core/ports.ts';

/** What a format's extractor returns. */
export interface Extracted {
  text: string;
  pages?: string[];
  title?: string;
  notes?: LoadedNote[];
  /** Page headers and footers kept apart from the body (Word). */
  margins?: string[];
  passages?: LoadedPassage[];
  extraction?: ExtractionReport;
}
