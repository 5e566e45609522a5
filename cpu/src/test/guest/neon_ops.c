/*
 * Advanced SIMD through <arm_neon.h> intrinsics, as vectorized C uses it: arithmetic, saturating and widening
 * ops, shifts, compares, permutes, table lookups, structure loads/stores (LD2-LD4/ST2-ST4, lanes, replicate),
 * across-lanes reductions, conversions and the FP vector ops including the reciprocal estimates. Inputs have
 * distinct lane values and FP edge cases; every result is printed as hex so the output compares bit for bit.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t sum;

static void show(const char *name, const void *p, size_t n) {
    const uint8_t *b = p;
    printf("%-10s", name);
    for (size_t i = n; i-- > 0;) {
        printf("%02x", b[i]);
        if (i % 8 == 0 && i) {
            printf("_");
        }
    }
    printf("\n");
    for (size_t i = 0; i < n; i++) {
        sum = sum * 31 + b[i];
    }
}

#define SHOW(name, v)                \
    do {                             \
        __typeof__(v) tmp_ = (v);    \
        show(name, &tmp_, sizeof tmp_); \
    } while (0)

static uint8_t bytes[64];
static float floats[16] = {1.5f, -2.25f, 0.0f, -0.0f, 3.0e38f, -1e-40f, 0.1f, 7.0f, 2.5f, -3.5f, 1e10f, -1e-10f,
    65504.0f, 0.33333334f, -100.0f, 16777217.0f};
static double doubles[8] = {1.5, -2.25, 1e300, -1e-310, 0.1, 2.5, -3.5, 4503599627370497.0};

static void integer(void) {
    uint8x16_t a = vld1q_u8(bytes), b = vld1q_u8(bytes + 16);
    int16x8_t sa = vreinterpretq_s16_u8(a), sb = vreinterpretq_s16_u8(b);
    int32x4_t wa = vreinterpretq_s32_u8(a), wb = vreinterpretq_s32_u8(b);
    SHOW("add8", vaddq_u8(a, b));
    SHOW("sub16", vsubq_s16(sa, sb));
    SHOW("mul16", vmulq_s16(sa, sb));
    SHOW("mla32", vmlaq_s32(wa, wa, wb));
    SHOW("mls8", vmlsq_u8(a, a, b));
    SHOW("qadd8", vqaddq_u8(a, b));
    SHOW("qsub16", vqsubq_s16(sa, sb));
    SHOW("qaddS8", vqaddq_s8(vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(b)));
    SHOW("hadd8", vhaddq_u8(a, b));
    SHOW("rhadd16", vrhaddq_s16(sa, sb));
    SHOW("hsub32", vhsubq_s32(wa, wb));
    SHOW("abd8", vabdq_u8(a, b));
    SHOW("aba16", vabaq_s16(sa, sa, sb));
    SHOW("max8", vmaxq_u8(a, b));
    SHOW("min16", vminq_s16(sa, sb));
    SHOW("pmax8", vpmaxq_u8(a, b));
    SHOW("pmin16", vpminq_s16(sa, sb));
    SHOW("padd32", vpaddq_s32(wa, wb));
    SHOW("padd64", vpaddq_s64(vreinterpretq_s64_u8(a), vreinterpretq_s64_u8(b)));
    SHOW("ceq8", vceqq_u8(a, vandq_u8(a, vdupq_n_u8(0xF0))));
    SHOW("cgt16", vcgtq_s16(sa, sb));
    SHOW("chi32", vcgtq_u32(vreinterpretq_u32_u8(a), vreinterpretq_u32_u8(b)));
    SHOW("cge8", vcgeq_s8(vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(b)));
    SHOW("tst8", vtstq_u8(a, b));
    SHOW("ceqz16", vceqzq_s16(vandq_s16(sa, vdupq_n_s16(0x0F00))));
    SHOW("cltz32", vcltzq_s32(wa));
    SHOW("and", vandq_u8(a, b));
    SHOW("orr", vorrq_u8(a, b));
    SHOW("eor", veorq_u8(a, b));
    SHOW("bic", vbicq_u8(a, b));
    SHOW("orn", vornq_u8(a, b));
    SHOW("bsl", vbslq_u8(vdupq_n_u8(0x3C), a, b));
    SHOW("not", vmvnq_u8(a));
    SHOW("cnt", vcntq_u8(a));
    SHOW("clz16", vclzq_s16(sa));
    SHOW("cls32", vclsq_s32(wa));
    SHOW("rbit", vrbitq_u8(a));
    SHOW("rev16", vrev16q_u8(a));
    SHOW("rev32", vrev32q_u16(vreinterpretq_u16_u8(a)));
    SHOW("rev64", vrev64q_u32(vreinterpretq_u32_u8(a)));
    SHOW("abs16", vabsq_s16(sb));
    SHOW("neg32", vnegq_s32(wb));
    SHOW("qabs8", vqabsq_s8(vreinterpretq_s8_u8(b)));
    SHOW("qneg16", vqnegq_s16(sb));
    SHOW("shl", vshlq_n_u16(vreinterpretq_u16_u8(a), 3));
    SHOW("ushr", vshrq_n_u32(vreinterpretq_u32_u8(a), 7));
    SHOW("sshr", vshrq_n_s16(sb, 5));
    SHOW("rshr", vrshrq_n_s32(wb, 9));
    SHOW("usra", vsraq_n_u8(a, b, 2));
    SHOW("sli", vsliq_n_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b), 4));
    SHOW("sri", vsriq_n_u32(vreinterpretq_u32_u8(a), vreinterpretq_u32_u8(b), 12));
    SHOW("qshl", vqshlq_n_s8(vreinterpretq_s8_u8(b), 3));
    SHOW("qshlu", vqshluq_n_s16(sb, 2));
    SHOW("sshl", vshlq_s16(sa, vdupq_n_s16(-3)));
    SHOW("ushlv", vshlq_u32(vreinterpretq_u32_u8(a), vreinterpretq_s32_u8(vandq_u8(b, vdupq_n_u8(0x8F)))));
    SHOW("rshlv", vrshlq_s8(vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(vandq_u8(b, vdupq_n_u8(0x87)))));
    SHOW("qrshl", vqrshlq_u16(vreinterpretq_u16_u8(a), vdupq_n_s16(5)));
    SHOW("shrn", vshrn_n_u16(vreinterpretq_u16_u8(a), 4));
    SHOW("rshrn", vrshrn_n_u32(vreinterpretq_u32_u8(b), 9));
    SHOW("qshrn", vqshrn_n_s32(wa, 3));
    SHOW("qshrun", vqshrun_n_s16(sb, 2));
    SHOW("qrshrn", vqrshrn_n_u64(vreinterpretq_u64_u8(a), 17));
    SHOW("shrn2", vshrn_high_n_u16(vget_low_u8(a), vreinterpretq_u16_u8(b), 5));
    SHOW("movl", vmovl_u8(vget_low_u8(a)));
    SHOW("movl2", vmovl_high_s16(sb));
    SHOW("shll", vshll_n_u8(vget_high_u8(b), 8));
    SHOW("sshll", vshll_n_s16(vget_low_s16(sa), 3));
    SHOW("xtn", vmovn_u16(vreinterpretq_u16_u8(a)));
    SHOW("qxtn", vqmovn_s32(wa));
    SHOW("qxtun", vqmovun_s16(sb));
    SHOW("uqxtn", vqmovn_u64(vreinterpretq_u64_u8(b)));
    SHOW("addl", vaddl_u8(vget_low_u8(a), vget_low_u8(b)));
    SHOW("addl2", vaddl_high_s16(sa, sb));
    SHOW("subw", vsubw_u8(vreinterpretq_u16_u8(a), vget_low_u8(b)));
    SHOW("mull", vmull_u8(vget_low_u8(a), vget_low_u8(b)));
    SHOW("mull2", vmull_high_s32(wa, wb));
    SHOW("mlal", vmlal_s16(wa, vget_low_s16(sa), vget_low_s16(sb)));
    SHOW("abdl", vabdl_u8(vget_high_u8(a), vget_high_u8(b)));
    SHOW("abal", vabal_s8(vreinterpretq_s16_u8(a), vget_low_s8(vreinterpretq_s8_u8(b)),
                          vget_high_s8(vreinterpretq_s8_u8(a))));
    SHOW("addhn", vaddhn_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b)));
    SHOW("rsubhn", vrsubhn_s32(wa, wb));
    SHOW("qdmull", vqdmull_s16(vget_low_s16(sa), vget_low_s16(sb)));
    SHOW("qdmulh", vqdmulhq_s16(sa, sb));
    SHOW("qrdmulh", vqrdmulhq_s32(wa, wb));
    SHOW("qdmlal", vqdmlal_s32(vreinterpretq_s64_u8(a), vget_low_s32(wa), vget_low_s32(wb)));
    SHOW("pmul", vmulq_p8(vreinterpretq_p8_u8(a), vreinterpretq_p8_u8(b)));
    SHOW("pmull", vmull_p8(vget_low_p8(vreinterpretq_p8_u8(a)), vget_low_p8(vreinterpretq_p8_u8(b))));
    SHOW("paddl", vpaddlq_u8(a));
    SHOW("padal", vpadalq_s16(wa, sb));
    SHOW("mulidx", vmulq_laneq_s16(sa, sb, 5));
    SHOW("mlaidx", vmlaq_laneq_s32(wa, wb, wa, 3));
    SHOW("mullidx", vmull_laneq_u16(vget_low_u16(vreinterpretq_u16_u8(a)), vreinterpretq_u16_u8(b), 7));
    SHOW("qdmulhi", vqdmulhq_laneq_s16(sa, sb, 1));
    uint8_t r8 = vaddvq_u8(a), m8 = vmaxvq_u8(a), n8 = vminvq_u8(b);
    int16_t s16 = vaddvq_s16(sb), m16 = vmaxvq_s16(sa), n16 = vminvq_s16(sb);
    uint32_t l16 = vaddlvq_u16(vreinterpretq_u16_u8(a));
    int64_t l32 = vaddlvq_s32(wb);
    printf("across %02x %02x %02x %04x %04x %04x %08x %016llx\n", r8, m8, n8, (uint16_t) s16, (uint16_t) m16,
           (uint16_t) n16, l16, (unsigned long long) l32);
    uint64_t x0 = vgetq_lane_u64(vreinterpretq_u64_u8(a), 1);
    int32_t x1 = vgetq_lane_s32(wb, 2);
    int8_t x2 = vgetq_lane_s8(vreinterpretq_s8_u8(b), 13);
    printf("lanes %016llx %08x %d\n", (unsigned long long) x0, (uint32_t) x1, x2);
    SHOW("setlane", vsetq_lane_u16(0xBEEF, vreinterpretq_u16_u8(a), 6));
    SHOW("dupn", vdupq_n_u32(0x12345678));
    SHOW("duplane", vdupq_laneq_u8(a, 11));
    SHOW("copylane", vcopyq_laneq_u32(vreinterpretq_u32_u8(a), 0, vreinterpretq_u32_u8(b), 3));
}

static void permutes(void) {
    uint8x16_t a = vld1q_u8(bytes), b = vld1q_u8(bytes + 16), c = vld1q_u8(bytes + 32), d = vld1q_u8(bytes + 48);
    SHOW("zip1", vzip1q_u8(a, b));
    SHOW("zip2", vzip2q_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b)));
    SHOW("uzp1", vuzp1q_u32(vreinterpretq_u32_u8(a), vreinterpretq_u32_u8(b)));
    SHOW("uzp2", vuzp2q_u8(a, b));
    SHOW("trn1", vtrn1q_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b)));
    SHOW("trn2", vtrn2q_u64(vreinterpretq_u64_u8(a), vreinterpretq_u64_u8(b)));
    SHOW("zip1d", vzip1_u8(vget_low_u8(a), vget_low_u8(b)));
    SHOW("ext", vextq_u8(a, b, 5));
    SHOW("ext8", vext_u8(vget_low_u8(a), vget_high_u8(b), 3));
    uint8x16_t idx = vandq_u8(b, vdupq_n_u8(0x3F));
    SHOW("tbl1", vqtbl1q_u8(a, idx));
    uint8x16x2_t t2 = {{a, b}};
    SHOW("tbl2", vqtbl2q_u8(t2, idx));
    uint8x16x4_t t4 = {{a, b, c, d}};
    SHOW("tbl4", vqtbl4q_u8(t4, vandq_u8(c, vdupq_n_u8(0x7F))));
    SHOW("tbx1", vqtbx1q_u8(d, a, idx));
    SHOW("tbl8", vtbl1_u8(vget_low_u8(a), vget_low_u8(vandq_u8(b, vdupq_n_u8(0x0F)))));
    SHOW("combine", vcombine_u8(vget_high_u8(a), vget_low_u8(b)));
}

static void structures(void) {
    uint8_t out[64];
    uint8x16x2_t l2 = vld2q_u8(bytes);
    SHOW("ld2.0", l2.val[0]);
    SHOW("ld2.1", l2.val[1]);
    uint16x8x3_t l3 = vld3q_u16((const uint16_t *) bytes);
    SHOW("ld3.0", l3.val[0]);
    SHOW("ld3.2", l3.val[2]);
    uint32x4x4_t l4 = vld4q_u32((const uint32_t *) bytes);
    SHOW("ld4.1", l4.val[1]);
    SHOW("ld4.3", l4.val[3]);
    uint8x8x4_t l48 = vld4_u8(bytes + 3);
    SHOW("ld4d.2", l48.val[2]);
    memset(out, 0, sizeof out);
    vst2q_u8(out, l2);
    show("st2", out, sizeof out);
    memset(out, 0, sizeof out);
    vst3q_u16((uint16_t *) out, l3);
    show("st3", out, sizeof out);
    memset(out, 0, sizeof out);
    vst4q_u32((uint32_t *) out, l4);
    show("st4", out, sizeof out);
    uint16x8_t r = vld1q_dup_u16((const uint16_t *) (bytes + 10));
    SHOW("ld1r", r);
    uint32x4x2_t r2 = vld2q_dup_u32((const uint32_t *) (bytes + 20));
    SHOW("ld2r", r2.val[1]);
    uint8x16_t lane = vld1q_lane_u8(bytes + 40, vld1q_u8(bytes), 9);
    SHOW("ld1lane", lane);
    uint16x4x3_t l3l = vld3_lane_u16((const uint16_t *) (bytes + 6), vld3_u16((const uint16_t *) bytes), 2);
    SHOW("ld3lane", l3l.val[1]);
    memset(out, 0, sizeof out);
    vst1q_lane_u64((uint64_t *) (out + 8), vreinterpretq_u64_u8(lane), 1);
    vst4_lane_u8(out + 20, l48, 5);
    show("stlane", out, sizeof out);
    uint8x16x4_t m4 = vld1q_u8_x4(bytes);
    memset(out, 0, sizeof out);
    vst1q_u8_x3(out + 1, (uint8x16x3_t){{m4.val[3], m4.val[2], m4.val[1]}});
    show("st1x3", out, sizeof out);
}

static void floating(void) {
    float32x4_t a = vld1q_f32(floats), b = vld1q_f32(floats + 4), c = vld1q_f32(floats + 8);
    float64x2_t d = vld1q_f64(doubles), e = vld1q_f64(doubles + 2), f = vld1q_f64(doubles + 4);
    SHOW("fadd", vaddq_f32(a, b));
    SHOW("fsub", vsubq_f64(d, e));
    SHOW("fmul", vmulq_f32(a, c));
    SHOW("fdiv", vdivq_f64(f, d));
    SHOW("fmla", vfmaq_f32(a, b, c));
    SHOW("fmls", vfmsq_f64(d, e, f));
    SHOW("fmlai", vfmaq_laneq_f32(a, b, c, 2));
    SHOW("fmuli", vmulq_laneq_f64(e, f, 1));
    SHOW("fmulx", vmulxq_f32(a, vdupq_n_f32(0)));
    SHOW("fabd", vabdq_f32(a, c));
    SHOW("fabs", vabsq_f32(b));
    SHOW("fneg", vnegq_f64(e));
    SHOW("fsqrt", vsqrtq_f32(vabsq_f32(c)));
    SHOW("fmax", vmaxq_f32(a, b));
    SHOW("fmin", vminq_f64(d, e));
    SHOW("fmaxnm", vmaxnmq_f32(a, c));
    SHOW("fminnm", vminnmq_f32(b, c));
    SHOW("faddp", vpaddq_f32(a, b));
    SHOW("fmaxp", vpmaxq_f64(d, f));
    float s1 = vmaxvq_f32(a), s2 = vminvq_f32(c), s3 = vmaxnmvq_f32(b), s4 = vaddvq_f32(c);
    double s5 = vaddvq_f64(f);
    printf("fpacross %a %a %a %a %a\n", (double) s1, (double) s2, (double) s3, (double) s4, s5);
    SHOW("fcmeq", vceqq_f32(a, b));
    SHOW("fcmge", vcgeq_f64(d, e));
    SHOW("fcmgt", vcgtq_f32(a, c));
    SHOW("fcmlez", vclezq_f32(b));
    SHOW("facgt", vcagtq_f32(a, b));
    SHOW("frintn", vrndnq_f32(c));
    SHOW("frinta", vrndaq_f64(f));
    SHOW("frintm", vrndmq_f32(b));
    SHOW("frintp", vrndpq_f64(e));
    SHOW("frintz", vrndq_f32(a));
    SHOW("frintx", vrndxq_f32(c));
    SHOW("fcvtzs", vcvtq_s32_f32(c));
    SHOW("fcvtzu", vcvtq_u64_f64(f));
    SHOW("fcvtns", vcvtnq_s32_f32(b));
    SHOW("fcvtas", vcvtaq_s64_f64(d));
    SHOW("fcvtmu", vcvtmq_u32_f32(c));
    SHOW("fixed", vcvtq_n_s32_f32(a, 8));
    SHOW("scvtf", vcvtq_f32_s32(vreinterpretq_s32_u8(vld1q_u8(bytes))));
    SHOW("ucvtf", vcvtq_f64_u64(vreinterpretq_u64_u8(vld1q_u8(bytes + 16))));
    SHOW("scvtfn", vcvtq_n_f32_u32(vreinterpretq_u32_u8(vld1q_u8(bytes)), 20));
    SHOW("fcvtn", vcvt_f32_f64(d));
    SHOW("fcvtn2", vcvt_high_f32_f64(vget_low_f32(a), f));
    SHOW("fcvtl", vcvt_f64_f32(vget_low_f32(c)));
    SHOW("fcvtl2", vcvt_high_f64_f32(b));
    SHOW("fcvtxn", vcvtx_f32_f64(e));
    SHOW("f16n", vcvt_f16_f32(c));
    SHOW("f16l", vcvt_f32_f16(vcvt_f16_f32(a)));
    SHOW("frecpe", vrecpeq_f32(c));
    SHOW("frecps", vrecpsq_f32(a, b));
    SHOW("frsqrte", vrsqrteq_f64(vabsq_f64(f)));
    SHOW("frsqrts", vrsqrtsq_f32(a, c));
    SHOW("urecpe", vrecpeq_u32(vreinterpretq_u32_u8(vld1q_u8(bytes + 16))));
    SHOW("ursqrte", vrsqrteq_u32(vreinterpretq_u32_u8(vld1q_u8(bytes + 32))));
    float32_t rx = vrecpxs_f32(floats[10]);
    printf("frecpx %a\n", (double) rx);
    SHOW("fmovi", vdupq_n_f32(-0.125f));
    SHOW("movi64", vdupq_n_u64(0xFF00FFFF0000FF00ULL));
}

int main(void) {
    for (int i = 0; i < 64; i++) {
        bytes[i] = (uint8_t) (i * 37 + 11) ^ (uint8_t) (i >> 2);
    }
    integer();
    permutes();
    structures();
    floating();
    printf("checksum %016llx\n", (unsigned long long) sum);
    return 0;
}
