"""Build a tiny but real Argos Translate package (.argosmodel) for tests.

The package contains a genuine SentencePiece model and a genuine CTranslate2
Transformer, so it can be installed with ``argostranslate.package`` and run
through ``ctranslate2.Translator``.  The Transformer weights are random,
therefore the "translations" are meaningless gibberish.  Building takes well
under a second and needs no network access.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import sentencepiece as spm
from ctranslate2.specs import attention_spec, common_spec, transformer_spec

__all__ = ["build_tiny_argosmodel", "default_training_sentences"]

# Model dimensions: as small as CTranslate2 comfortably accepts.
_D_MODEL = 32
_NUM_HEADS = 2
_FFN_DIM = 64
_NUM_LAYERS = 1

# Logit offsets: make "</s>" likely so random decoding stops after a handful of
# tokens, and never emit "<unk>" (decodes to " ⁇ ") or "<s>".
_EOS_BIAS = 2.5
_NEVER_BIAS = -20.0

# SentencePiece ids/pieces; these match CTranslate2's default
# unk_token / bos_token / eos_token configuration.
_UNK, _BOS, _EOS = "<unk>", "<s>", "</s>"

_WARNING = "TEST FIXTURE – random weights, output is meaningless, not a translation model"

_LANGUAGE_NAMES = {"ar": "Arabic", "en": "English"}

# Fixed timestamp for zip entries so equal inputs give byte-identical archives.
_ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)

_REPO_ROOT = Path(__file__).resolve().parents[1]
_ARTICLE_PATH = _REPO_ROOT / "resources" / "sample" / "article.txt"
_SEEDS_DIR = Path("/work/shared/seeds")
_MAX_ARTICLE_LINES = 200

_ENGLISH_SENTENCES = (
    "The meeting took place in the capital on Tuesday morning.",
    "Security cooperation between the two countries keeps growing.",
    "The director welcomed the delegation at his office.",
    "Officials discussed ways to exchange information quickly.",
    "The newspaper published the report in its Thursday edition.",
    "Experts say the experience of the kingdom is very valuable.",
    "The visit is part of a long partnership against terrorism.",
    "Both sides praised the level of coordination achieved so far.",
    "A senior official arrived at the head of a large delegation.",
    "The agencies dismantled several cells before they could act.",
    "Training programs for police officers will be expanded next year.",
    "The government announced new measures to protect citizens.",
    "Analysts expect the agreement to be signed before the summer.",
    "The minister answered questions from journalists after the talks.",
    "Weather in the north will be cloudy with light rain.",
    "Prices of basic goods rose slightly during the last month.",
    "The football team won the match by two goals to one.",
    "Students returned to school after a short holiday.",
    "The company plans to open a new factory near the port.",
    "Hospitals received additional equipment and medical staff.",
    "Tourism numbers increased compared with the previous year.",
    "The conference will continue until the end of the week.",
    "Please read the instructions carefully before you begin.",
    "Numbers such as 2024, 15 and 3.5 appear in many articles.",
)

# Last-resort Arabic lines, used only if no article/seed file can be found.
_FALLBACK_ARABIC_SENTENCES = (
    "نجح التنسيق الأمريكي المغربي في مكافحة الإرهاب الدولي.",
    "استقبل المدير العام وفدا رفيع المستوى في مكتبه بالرباط.",
    "ناقش الطرفان سبل تبادل المعلومات الدقيقة بين الأجهزة.",
    "نشرت الصحيفة التقرير في عددها الصادر يوم الخميس.",
    "يشهد التعاون الأمني بين البلدين تطورا مستمرا.",
)


def _arabic_source_file() -> Path | None:
    """Return the sample article if present, else the first seed text file."""
    if _ARTICLE_PATH.is_file():
        return _ARTICLE_PATH
    seeds = sorted(_SEEDS_DIR.glob("*.txt")) if _SEEDS_DIR.is_dir() else []
    return seeds[0] if seeds else None


def default_training_sentences() -> list[str]:
    """Return a few dozen mixed Arabic and English lines for tokenizer training."""
    source = _arabic_source_file()
    arabic: list[str] = []
    if source is not None:
        text = source.read_text(encoding="utf-8", errors="replace")
        arabic = [line.strip() for line in text.splitlines() if line.strip()]
        arabic = arabic[:_MAX_ARTICLE_LINES]
    if not arabic:
        arabic = list(_FALLBACK_ARABIC_SENTENCES)
    return arabic + list(_ENGLISH_SENTENCES)


def _train_sentencepiece(
    sentences: Sequence[str], vocab_size: int, user_symbols: Sequence[str],
    model_type: str = "unigram",
) -> bytes:
    """Train a small SentencePiece model (unigram by default) and return its bytes."""
    model = io.BytesIO()
    options: dict[str, object] = dict(
        sentence_iterator=iter(sentences),
        model_writer=model,
        model_type=model_type,
        vocab_size=vocab_size,
        hard_vocab_limit=False,  # tiny corpora may not support the full size
        character_coverage=1.0,
        num_threads=1,  # single thread keeps training deterministic
        minloglevel=2,  # errors only
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        unk_piece=_UNK,
        bos_piece=_BOS,
        eos_piece=_EOS,
    )
    if user_symbols:
        options["user_defined_symbols"] = list(user_symbols)
    spm.SentencePieceTrainer.train(**options)
    return model.getvalue()


def _vocabulary(sp_model: bytes) -> list[str]:
    """Return the SentencePiece pieces in id order (the CTranslate2 vocabulary)."""
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    if pieces[:3] != [_UNK, _BOS, _EOS]:
        raise RuntimeError(f"unexpected special pieces: {pieces[:3]}")
    return pieces


class _RandomFiller:
    """Fill CTranslate2 layer specs with small seeded float32 arrays."""

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng

    def normal(self, *shape: int, scale: float) -> np.ndarray:
        """Return a float32 array drawn from N(0, scale**2)."""
        return (self._rng.standard_normal(shape) * scale).astype(np.float32)

    def linear(self, spec: common_spec.LinearSpec, out_dim: int, in_dim: int) -> None:
        """Set a dense layer's weight ([out, in]) and bias ([out])."""
        spec.weight = self.normal(out_dim, in_dim, scale=in_dim**-0.5)
        spec.bias = self.normal(out_dim, scale=0.02)

    def layer_norm(self, spec: common_spec.LayerNormSpec, dim: int) -> None:
        """Set a layer norm to (almost) identity: gamma ~ 1, beta = 0."""
        spec.gamma = 1.0 + self.normal(dim, scale=0.02)
        spec.beta = np.zeros(dim, dtype=np.float32)

    def embeddings(self, spec: common_spec.EmbeddingsSpec, vocab: int, dim: int) -> None:
        """Set an embedding table of shape [vocab, dim]."""
        spec.weight = self.normal(vocab, dim, scale=dim**-0.5)

    def self_attention(self, spec: attention_spec.MultiHeadAttentionSpec, dim: int) -> None:
        """Self-attention: fused QKV projection then output projection."""
        self.layer_norm(spec.layer_norm, dim)
        self.linear(spec.linear[0], 3 * dim, dim)
        self.linear(spec.linear[1], dim, dim)

    def cross_attention(self, spec: attention_spec.MultiHeadAttentionSpec, dim: int) -> None:
        """Encoder-decoder attention: Q, fused KV, then output projection."""
        self.layer_norm(spec.layer_norm, dim)
        self.linear(spec.linear[0], dim, dim)
        self.linear(spec.linear[1], 2 * dim, dim)
        self.linear(spec.linear[2], dim, dim)

    def feed_forward(
        self, spec: transformer_spec.FeedForwardSpec, dim: int, ffn: int
    ) -> None:
        """Two-layer ReLU feed-forward block."""
        self.layer_norm(spec.layer_norm, dim)
        self.linear(spec.linear_0, ffn, dim)
        self.linear(spec.linear_1, dim, ffn)


def _build_transformer(vocabulary: list[str], seed: int, layers: int = _NUM_LAYERS,
                       dim: int = _D_MODEL, heads: int = _NUM_HEADS,
                       ffn: int = _FFN_DIM, *,
                       length_ratio: float | None = None) -> transformer_spec.TransformerSpec:
    """Create a validated, randomly initialised Transformer spec (tiny by default).

    With ``length_ratio``, decoding ends near ``length_ratio`` times the source length
    instead of after a handful of tokens (see :func:`_wire_output_length`).
    """
    spec = transformer_spec.TransformerSpec.from_config(num_layers=layers, num_heads=heads)
    fill = _RandomFiller(np.random.default_rng(seed))
    vocab = len(vocabulary)

    encoder = spec.encoder
    fill.embeddings(encoder.embeddings[0], vocab, dim)
    for layer in encoder.layer:
        fill.self_attention(layer.self_attention, dim)
        fill.feed_forward(layer.ffn, dim, ffn)
    fill.layer_norm(encoder.layer_norm, dim)

    decoder = spec.decoder
    fill.embeddings(decoder.embeddings, vocab, dim)
    for layer in decoder.layer:
        fill.self_attention(layer.self_attention, dim)
        fill.cross_attention(layer.attention, dim)
        fill.feed_forward(layer.ffn, dim, ffn)
    fill.layer_norm(decoder.layer_norm, dim)
    fill.linear(decoder.projection, vocab, dim)
    if length_ratio is None:
        decoder.projection.bias[vocabulary.index(_EOS)] += _EOS_BIAS
        # Position encodings are left unset: CTranslate2 then uses sinusoidal ones.
    else:
        _wire_output_length(spec, vocabulary.index(_EOS), dim, length_ratio)
    for piece in (_UNK, _BOS):
        decoder.projection.bias[vocabulary.index(piece)] += _NEVER_BIAS

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()  # raises if any required variable is missing or mis-sized
    return spec


# Output-length wiring (see _wire_output_length). Two residual dimensions carry a position
# ramp of +/- _RAMP per position; the EOS logit gains about _EOS_SLOPE per decoding step
# once the target is longer than length_ratio * source length + _LENGTH_OFFSET.
_POSITIONS = 1024
_RAMP = 0.05
_EOS_SLOPE = 1.5
_LENGTH_OFFSET = 2.0
_RESIDUAL_STD = (2.6, 4.0)  # encoder/decoder residual std, calibrated on the 6x512 model


def _sinusoids(dim: int) -> np.ndarray:
    """The usual sinusoidal position table (sin half, cos half), _POSITIONS rows."""
    half = dim // 2
    rates = np.exp(-np.log(10000.0) * np.arange(half) / max(half - 1, 1))
    angles = np.arange(_POSITIONS)[:, None] * rates[None, :]
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1).astype(np.float32)


def _wire_output_length(spec: transformer_spec.TransformerSpec, eos: int, dim: int,
                        ratio: float) -> None:
    """Make random decoding end near ``ratio`` x the source length, like a real model.

    The computation is unchanged (same dense layers; only some weights are set, not
    removed). Two residual dimensions ``a, b`` are reserved in encoder and decoder: the
    position table writes ``+RAMP * pos`` to ``a`` and ``-RAMP * pos`` to ``b``, and no
    embedding or sublayer writes to them. The last decoder layer's cross-attention has a zero
    query, so it averages the encoder output over the source (padding is masked): its first
    value channel reads ``a - b`` there, i.e. a number proportional to the source length,
    and its output projection subtracts that from the decoder's own ramp. After the final
    layer norm, the EOS row of the output projection reads ``a - b``: the EOS logit is very
    low at the start and climbs by about ``_EOS_SLOPE`` per step past ``ratio * source
    length``, so each sentence ends on its own near that length, whatever it is batched
    with. Layer-norm scales differ a little per position, so lengths vary a few tokens.
    """
    a, b = dim - 1, dim - 2
    enc, dec = spec.encoder, spec.decoder
    enc_std, dec_std = _RESIDUAL_STD
    for coder in (enc, dec):
        table = _sinusoids(dim)
        table[:, a] = _RAMP * np.arange(_POSITIONS)
        table[:, b] = -_RAMP * np.arange(_POSITIONS)
        coder.position_encodings.encodings = table
        coder.layer_norm.gamma[[a, b]] = 1.0
        coder.layer_norm.beta[[a, b]] = 0.0
    for emb in (enc.embeddings[0], dec.embeddings):
        emb.weight[:, [a, b]] = 0.0
    outputs = [layer.self_attention.linear[-1] for layer in enc.layer]
    outputs += [layer.ffn.linear_1 for layer in enc.layer]
    outputs += [layer.self_attention.linear[-1] for layer in dec.layer]
    outputs += [layer.attention.linear[-1] for layer in dec.layer]
    outputs += [layer.ffn.linear_1 for layer in dec.layer]
    for linear in outputs:
        linear.weight[[a, b], :] = 0.0
        linear.bias[[a, b]] = 0.0

    cross = dec.layer[-1].attention
    cross.linear[0].weight[:] = 0.0  # zero query: uniform attention over the source
    cross.linear[0].bias[:] = 0.0
    value = cross.linear[1]  # fused [keys; values]
    value.weight[dim, :] = 0.0
    value.weight[dim, a], value.weight[dim, b] = 0.5, -0.5
    value.bias[dim] = 0.0
    # Channel 0 now holds RAMP * mean(source positions) / enc_std = RAMP * (L - 1) / 2 / enc_std.
    scale = 2.0 * enc_std * ratio
    out = cross.linear[2]
    out.weight[:, 0] = 0.0
    out.weight[a, 0], out.weight[b, 0] = -scale, scale
    # The decoder's a - b is now 2 * RAMP * (step - ratio * (L - 1)) before the final norm.
    beta = _EOS_SLOPE * dec_std / (2.0 * _RAMP)
    proj = dec.projection
    proj.weight[eos, :] = 0.0
    proj.weight[eos, a], proj.weight[eos, b] = beta, -beta
    proj.bias[eos] = -_EOS_SLOPE * _LENGTH_OFFSET


def _language_name(code: str) -> str:
    """Human readable name for the codes we know, else the code itself."""
    return _LANGUAGE_NAMES.get(code, code)


def _metadata(
    from_code: str, to_code: str, package_version: str, target_prefix: str
) -> dict[str, object]:
    """Return the package's metadata.json content."""
    metadata: dict[str, object] = {
        "package_version": package_version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": _language_name(from_code),
        "to_code": to_code,
        "to_name": _language_name(to_code),
        "package_type": "translate",
        "type": "translate",
        "links": [],
        "note": _WARNING,
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    return metadata


def _readme(from_code: str, to_code: str) -> str:
    """Return the package README.md text."""
    return (
        f"# Tiny {_language_name(from_code)} → {_language_name(to_code)} test package\n\n"
        f"**{_WARNING}.**\n\n"
        "Generated by `tests/tiny_model.py` for automated tests: a real SentencePiece\n"
        "tokenizer and a real (1-layer, d_model=32) CTranslate2 Transformer filled with\n"
        "seeded random numbers. Never use it to translate anything.\n"
    )


def _iter_files(root: Path) -> Iterator[Path]:
    """Yield all files below root in a stable (sorted) order."""
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path


def _write_zip(package_dir: Path, archive: Path) -> None:
    """Zip package_dir (as the single top-level folder) with fixed timestamps."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in _iter_files(package_dir):
            arcname = f"{package_dir.name}/{path.relative_to(package_dir).as_posix()}"
            info = zipfile.ZipInfo(arcname, date_time=_ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())


def build_tiny_argosmodel(
    dest_dir: Path,
    *,
    from_code: str = "ar",
    to_code: str = "en",
    sentences: Sequence[str] | None = None,
    seed: int = 0,
    package_version: str = "0.1",
    vocab_size: int = 200,
    target_prefix: str = "",
    size: tuple[int, int, int, int] | None = None,
    tokenizer_type: str = "unigram",
    model_vocab_size: int | None = None,
    length_ratio: float | None = None,
    quantization: str | None = None,
) -> Path:
    """Build <dest_dir>/translate-<from>_<to>-tiny.argosmodel and return its path.

    ``sentences`` trains the tokenizer (defaults to :func:`default_training_sentences`);
    ``seed`` fixes the random weights, so equal arguments give identical files.
    A non-empty ``target_prefix`` is added to the vocabulary as a single piece.
    ``size`` = (layers, d_model, heads, ffn) builds a bigger random model, e.g. the
    (6, 512, 8, 2048) of a real Argos model, for benchmarks; the default is tiny.
    ``vocab_size`` is an upper bound (the corpus may yield fewer pieces) but must
    exceed the number of distinct characters in ``sentences`` plus 3 specials.

    For benchmarks that should behave like a real package (all default to the tiny test
    model's behaviour): ``tokenizer_type="bpe"`` with a larger ``vocab_size`` cuts words into
    fewer pieces; ``model_vocab_size`` adds filler words to the vocabulary up to a real size
    such as 50,000 (the Arabic input never contains them; the decoder emits them), so that
    the output layer costs what it costs in a real model; ``length_ratio`` makes
    decoding end near that many times the source length instead of after a few tokens;
    ``quantization`` (e.g. "int8", as Argos' converter uses) stores quantized weights.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = f"translate-{from_code}_{to_code}-tiny"
    archive = dest_dir / f"{name}.argosmodel"

    training = list(sentences) if sentences is not None else default_training_sentences()
    if not training:
        raise ValueError("sentences must not be empty")
    user_symbols = [target_prefix] if target_prefix else []
    sp_model = _train_sentencepiece(training, vocab_size, user_symbols, tokenizer_type)
    extra = (model_vocab_size or 0) - len(_vocabulary(sp_model))
    if extra > 0:
        # Filler words the tokenizer knows as whole pieces (so they decode to text) but that
        # never occur in the Arabic input; the corpus' own pieces stay as they were.
        fillers = [f"\u2581w{i:05d}" for i in range(extra)]
        sp_model = _train_sentencepiece(training, vocab_size + extra, user_symbols + fillers,
                                        tokenizer_type)
    spec = _build_transformer(_vocabulary(sp_model), seed, *(size or ()),
                              length_ratio=length_ratio)
    if quantization is not None:
        spec.optimize(quantization=quantization)

    with tempfile.TemporaryDirectory(prefix="tiny-argos-") as tmp:
        package_dir = Path(tmp) / name
        model_dir = package_dir / "model"
        model_dir.mkdir(parents=True)
        spec.save(str(model_dir))
        (package_dir / "sentencepiece.model").write_bytes(sp_model)
        metadata = _metadata(from_code, to_code, package_version, target_prefix)
        (package_dir / "metadata.json").write_text(
            json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (package_dir / "README.md").write_text(_readme(from_code, to_code), encoding="utf-8")

        partial = dest_dir / f".{name}.{os.getpid()}.partial"
        try:
            _write_zip(package_dir, partial)
            os.replace(partial, archive)
        finally:
            partial.unlink(missing_ok=True)
    return archive

