/**
 * Writes a tiny BERT-like feature-extraction model that transformers.js loads from a local
 * directory, for end-to-end tests of the transformers embedder without any download:
 * config.json, tokenizer.json (WordPiece over a small Vietnamese + ASCII vocabulary),
 * tokenizer_config.json and onnx/model.onnx (fp32, built with onnx-proto).
 *
 * The network is one embedding lookup: last_hidden_state = (E[input_ids] + T[token_type_ids])
 * · attention_mask. With mean pooling, texts sharing words get similar vectors.
 *
 * CLI: `tsx scripts/make-tiny-model.ts <dir>` (default `./data/tiny-model`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** Hidden size of the tiny model (the embedding dimension). */
export const TINY_HIDDEN_SIZE = 16;

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

const WORDS = `
luật nghị định thông tư quyết định kế hoạch công văn điều khoản điểm chương mục
đăng ký thường trú tạm trú cư trú hộ khẩu căn cước công dân cccd giấy chứng nhận
quyền sử dụng đất sổ đỏ nhà ở xây dựng giấy phép cấp đổi lại gia hạn điều chỉnh
hồ sơ thành phần tờ khai bản sao lệ phí phí thời hạn giải quyết ngày làm việc
ủy ban nhân dân ubnd hội đồng hđnd tỉnh huyện xã phường thị trấn công an bộ phận một cửa
thủ tục hành chính tthc cơ quan tổ chức cá nhân gia đình người trách nhiệm quản lý nhà nước
phòng chống ma túy cai nghiện chất bảo hiểm y tế xã hội bhyt bhxh doanh nghiệp thuế
và của cho các những được là có không trong theo tại về với này đó khi nếu thì
a b c d e 1 2 3 4 5 6 7 8 9 0 the of and to query passage
`;

/** The vocabulary: special tokens, then words, then a few WordPiece continuations. */
function vocabulary(): string[] {
  const words = [...new Set(WORDS.normalize('NFC').split(/\s+/).filter(Boolean))];
  return [...SPECIAL, ...words, '##s', '##ed', '##ing', ':', '.', ',', '-', '/'];
}

/** Deterministic pseudo-random floats in [-1, 1). */
function table(rows: number, cols: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: rows * cols }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2147483648 - 1;
  });
}

function floatTensor(name: string, dims: number[], data: Float32Array): InstanceType<typeof onnx.TensorProto> {
  return onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
}

function int64Tensor(name: string, values: number[]): InstanceType<typeof onnx.TensorProto> {
  return onnx.TensorProto.create({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, int64Data: values });
}

function valueInfo(name: string, elemType: number, dims: string[]): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((dimParam) => ({ dimParam })) } } },
  });
}

function modelBytes(vocabSize: number, hidden: number): Uint8Array {
  const node = (opType: string, input: string[], output: string[], attribute: Array<Record<string, unknown>> = []) =>
    onnx.NodeProto.create({ opType, input, output, name: output[0], attribute });
  const graph = onnx.GraphProto.create({
    name: 'tiny-bert',
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['words']),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types']),
      node('Add', ['words', 'types'], ['embedded']),
      node('Cast', ['attention_mask'], ['mask_float'], [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: onnx.TensorProto.DataType.FLOAT }]),
      node('Unsqueeze', ['mask_float', 'unsqueeze_axes'], ['mask_3d']),
      node('Mul', ['embedded', 'mask_3d'], ['last_hidden_state']),
    ],
    initializer: [
      floatTensor('word_embeddings', [vocabSize, hidden], table(vocabSize, hidden, 1234)),
      floatTensor('token_type_embeddings', [2, hidden], Float32Array.from(table(2, hidden, 99), (x) => x * 0.01)),
      int64Tensor('unsqueeze_axes', [2]),
    ],
    input: [
      valueInfo('input_ids', onnx.TensorProto.DataType.INT64, ['batch_size', 'sequence_length']),
      valueInfo('attention_mask', onnx.TensorProto.DataType.INT64, ['batch_size', 'sequence_length']),
      valueInfo('token_type_ids', onnx.TensorProto.DataType.INT64, ['batch_size', 'sequence_length']),
    ],
    output: [valueInfo('last_hidden_state', onnx.TensorProto.DataType.FLOAT, ['batch_size', 'sequence_length', String(hidden)])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'tro-ly-ao make-tiny-model',
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocab: string[]): unknown {
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const special = (content: string) => ({ id: ids[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const cls = ids['[CLS]'];
  const sep = ids['[SEP]'];
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [cls], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [sep], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

/** Write the tiny model into `dir` (created if needed). Returns the model directory and its embedding dimension. */
export async function makeTinyModel(dir: string): Promise<{ modelDir: string; dimension: number }> {
  const modelDir = resolve(dir);
  const vocab = vocabulary();
  await mkdir(join(modelDir, 'onnx'), { recursive: true });
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: TINY_HIDDEN_SIZE,
    num_attention_heads: 1,
    num_hidden_layers: 1,
    intermediate_size: TINY_HIDDEN_SIZE,
    vocab_size: vocab.length,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: false,
    model_max_length: 512,
    cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]',
  };
  await writeFile(join(modelDir, 'config.json'), JSON.stringify(config, null, 2));
  await writeFile(join(modelDir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  await writeFile(join(modelDir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));
  await writeFile(join(modelDir, 'onnx', 'model.onnx'), modelBytes(vocab.length, TINY_HIDDEN_SIZE));
  return { modelDir, dimension: TINY_HIDDEN_SIZE };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { modelDir, dimension } = await makeTinyModel(process.argv[2] ?? 'data/tiny-model');
  process.stdout.write(`tiny model (dimension ${dimension}) written to ${modelDir}\n`);
}
