/*
 * Floating point as ordinary C code uses it (-O2, static glibc and libm): arithmetic loops the compiler may
 * contract into FMADD or vectorize, libm functions, conversions, the C99 rounding functions, <fenv.h> rounding
 * modes and exception flags, NaN/infinity/signed-zero behaviour, printf/strtod of floating point, and FPCR.FZ.
 * Every result is printed exactly (%a, or integers), so the output compares bit for bit with the reference.
 */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile double vd[] = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.0, 0.1, -0.1, 1e300, -1e300,
    1e-300, 4.9e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2147483647.5, -2147483648.5,
    4294967295.5, 9.2233720368547758e18, 1.8446744073709552e19, 123456.789, -98765.4321, 0.49999999999999994,
    4503599627370497.0};
#define NVD ((int) (sizeof vd / sizeof vd[0]))

static void arithmetic(void) {
    double s = 0, p = 1, h = 0;
    float sf = 0, pf = 1;
    for (int i = 1; i <= 2000; i++) {
        h += 1.0 / i;
        s += (double) i * 0.001 + s * 1e-6;
        p *= 1.0 + 1.0 / (i * 7.0);
        sf += 1.0f / (float) i;
        pf = pf * 1.0001f + 0.5f / (float) i;
    }
    printf("harmonic %a sum %a prod %a\n", h, s, p);
    printf("float harmonic %a prod %a\n", (double) sf, (double) pf);
    /* Horner with contraction candidates */
    double x = 0.7, poly = 0;
    static const double c[] = {1, -0.5, 0.25, -0.125, 0.0625, -0.03125, 1.0 / 3, 1.0 / 7};
    for (int i = 0; i < 8; i++) {
        poly = poly * x + c[i];
    }
    printf("poly %a\n", poly);
    /* Kahan summation */
    double sum = 0, comp = 0;
    for (int i = 0; i < 10000; i++) {
        double y = 0.1 - comp;
        double t = sum + y;
        comp = (t - sum) - y;
        sum = t;
    }
    printf("kahan %a\n", sum);
    /* Newton sqrt, division chains, float/double mixes */
    double r = 2;
    for (int i = 0; i < 8; i++) {
        r = 0.5 * (r + 2 / r);
    }
    printf("newton %a sqrt %a diff %a\n", r, sqrt(2.0), r - sqrt(2.0));
    float fa[64], fb[64], fc[64];
    double da[64], db[64];
    for (int i = 0; i < 64; i++) {
        fa[i] = (float) i * 0.37f - 5.0f;
        fb[i] = 1.0f / (float) (i + 1);
        da[i] = (double) i * 1.1 - 20;
        db[i] = sqrt((double) i);
    }
    for (int i = 0; i < 64; i++) {
        fc[i] = fa[i] * fb[i] + fa[i];
        da[i] = da[i] * db[i] - da[i] / 3.0;
    }
    double acc = 0;
    float facc = 0;
    for (int i = 0; i < 64; i++) {
        acc += da[i];
        facc += fc[i];
    }
    printf("vector loops %a %a\n", acc, (double) facc);
    double mx = -INFINITY, mn = INFINITY;
    for (int i = 0; i < 64; i++) {
        mx = fmax(mx, da[i]);
        mn = fmin(mn, da[i]);
    }
    printf("minmax %a %a\n", mx, mn);
}

static void library(void) {
    volatile double a = 0.8, b = 2.3, cc = -1.7;
    printf("sin %a cos %a tan %a\n", sin(a), cos(b), tan(cc));
    printf("exp %a log %a log10 %a log2 %a\n", exp(b), log(b), log10(b), log2(b));
    printf("pow %a atan2 %a hypot %a cbrt %a\n", pow(b, a), atan2(cc, b), hypot(a, cc), cbrt(cc));
    printf("fmod %a remainder %a tanh %a asin %a\n", fmod(b, a), remainder(b, a), tanh(a), asin(a));
    printf("expf %a logf %a powf %a sinf %a\n", (double) expf((float) b), (double) logf((float) b),
           (double) powf((float) b, (float) a), (double) sinf((float) a));
    printf("fma %a fmaf %a\n", fma(a, b, cc), (double) fmaf((float) a, (float) b, (float) cc));
    printf("frexp/ldexp %a %a\n", ldexp(b, 100), scalbn(cc, -1070));
    int e;
    double m = frexp(cc, &e);
    printf("frexp %a %d\n", m, e);
}

static void conversions(void) {
    for (int i = 0; i < NVD; i++) {
        double d = vd[i];
        printf("%a: i32 %d i64 %lld u32 %u f %a rint %a floor %a ceil %a trunc %a round %a lround %ld llrint %lld\n",
               d, (int) (d > 3e9 || d < -3e9 ? 0 : d), (long long) (d > 1e19 || d < -1e19 ? 0 : d),
               (unsigned) (d < 0 || d > 5e9 ? 0 : d), (double) (float) d, rint(d), floor(d), ceil(d), trunc(d),
               round(d), fabs(d) < 1e18 ? lround(d) : 0L, fabs(d) < 1e18 ? llrint(d) : 0LL);
    }
    volatile long long ll[] = {0, 1, -1, 9007199254740993LL, -9007199254740993LL, 0x7fffffffffffffffLL,
        (long long) 0x8000000000000000ULL, 16777217, -16777217, 123456789};
    for (int i = 0; i < (int) (sizeof ll / sizeof ll[0]); i++) {
        printf("ll %lld: d %a f %a ud %a uf %a\n", ll[i], (double) ll[i], (double) (float) ll[i],
               (double) (unsigned long long) ll[i], (double) (float) (unsigned long long) ll[i]);
    }
    volatile int iv[] = {0, 7, -7, 2147483647, -2147483647 - 1, 16777217};
    for (int i = 0; i < 6; i++) {
        printf("int %d: d %a f %a u %a\n", iv[i], (double) iv[i], (double) (float) iv[i],
               (double) (unsigned) iv[i]);
    }
}

static const char *flags(void) {
    static char buf[64];
    int f = fetestexcept(FE_ALL_EXCEPT);
    snprintf(buf, sizeof buf, "%s%s%s%s%s", f & FE_INVALID ? "I" : "-", f & FE_DIVBYZERO ? "Z" : "-",
             f & FE_OVERFLOW ? "O" : "-", f & FE_UNDERFLOW ? "U" : "-", f & FE_INEXACT ? "X" : "-");
    return buf;
}

static void environment(void) {
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    static const char *names[] = {"nearest", "upward", "downward", "towardzero"};
    volatile double one = 1, three = 3, two = 2, tiny = 1e-310, big = 1e308, mtwo = -2.0;
    volatile float onef = 1, threef = 3;
    for (int k = 0; k < 4; k++) {
        fesetround(modes[k]);
        printf("%s: %a %a %a %a %a %a\n", names[k], one / three, -one / three, (double) (onef / threef),
               sqrt(two), rint(2.5), nearbyint(-2.5));
        printf("  %a %a %a %a %ld\n", big * 10, -big * 10, tiny / 3, (double) (float) (one / three), lrint(mtwo / three));
        printf("  fma %a cvt %a\n", fma(one / three, three, -one), (double) (float) 0x1.0000001p0);
    }
    fesetround(FE_TONEAREST);
    volatile double zero = 0, nan = NAN, inf = INFINITY, dmax = DBL_MAX, dmin = DBL_MIN, r;
    feclearexcept(FE_ALL_EXCEPT);
    r = one / zero;
    printf("1/0 %a %s\n", r, flags());
    feclearexcept(FE_ALL_EXCEPT);
    r = zero / zero;
    printf("0/0 %a %s\n", r, flags());
    feclearexcept(FE_ALL_EXCEPT);
    r = dmax * 2;
    printf("max*2 %a %s\n", r, flags());
    feclearexcept(FE_ALL_EXCEPT);
    r = dmin / 3;
    printf("min/3 %a %s\n", r, flags());
    feclearexcept(FE_ALL_EXCEPT);
    r = dmin / 4;
    printf("min/4 %a %s\n", r, flags());
    feclearexcept(FE_ALL_EXCEPT);
    r = sqrt(-one);
    printf("sqrt(-1) %a %s\n", r, flags());
    feclearexcept(FE_ALL_EXCEPT);
    r = inf - inf;
    printf("inf-inf %a %s\n", r, flags());
    feclearexcept(FE_ALL_EXCEPT);
    r = one / three;
    printf("1/3 %s\n", flags());
    feclearexcept(FE_ALL_EXCEPT);
    r = one + two;
    printf("1+2 %s\n", flags());
    feclearexcept(FE_ALL_EXCEPT);
    long l = lrint(nan);
    printf("lrint(nan) %ld %s\n", l, flags());
    feclearexcept(FE_ALL_EXCEPT);
    int iv = (int) (dmax * zero + 3e10 * one);
    printf("(int)3e10 %d %s\n", iv, flags());
    feclearexcept(FE_ALL_EXCEPT);
    r = nan + one;
    printf("nan+1 %a %s\n", r, flags());
    feclearexcept(FE_ALL_EXCEPT);
    int lt = nan < one;
    printf("nan<1 %d %s\n", lt, flags());
    feclearexcept(FE_ALL_EXCEPT);
    int eq = nan == one;
    printf("nan==1 %d %s\n", eq, flags());
    feclearexcept(FE_ALL_EXCEPT);
    float ff = (float) dmax;
    printf("(float)max %a %s\n", (double) ff, flags());
    feclearexcept(FE_ALL_EXCEPT);
    ff = (float) dmin;
    printf("(float)min %a %s\n", (double) ff, flags());
}

static void specials(void) {
    volatile double pz = 0.0, nz = -0.0, one = 1, nan = NAN, inf = INFINITY;
    printf("+0+-0 %a -0+-0 %a -0*1 %a 1/-inf %a\n", pz + nz, nz + nz, nz * one, one / -inf);
    printf("fmax(nan,1) %a fmin(1,nan) %a fmax(-0,+0) %a fmin(+0,-0) %a\n", fmax(nan, one), fmin(one, nan),
           fmax(nz, pz), fmin(pz, nz));
    printf("copysign %a signbit %d %d isnan %d isinf %d\n", copysign(3.0, nz), signbit(nz), signbit(pz), isnan(nan),
           isinf(-inf));
    printf("nan payload %a %a\n", -nan, fabs(-nan));
    double q = nan;
    uint64_t bits;
    memcpy(&bits, &q, sizeof bits);
    printf("nan bits %016llx\n", (unsigned long long) bits);
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static void text(void) {
    static const char *in[] = {"0", "-0", "1e-320", "3.14159265358979323846", "2.5e-308", "1.7976931348623157e308",
        "1e309", "0x1.8p3", "inf", "-nan", "123456789012345678901234567890", "4.9406564584124654e-324",
        "2.4703282292062328e-324", "0.1", "1e23"};
    for (int i = 0; i < (int) (sizeof in / sizeof in[0]); i++) {
        double d = strtod(in[i], NULL);
        float f = strtof(in[i], NULL);
        printf("strtod(%s) = %a %.17g %e %g | strtof %a\n", in[i], d, d, d, d, (double) f);
    }
    double arr[32];
    for (int i = 0; i < 32; i++) {
        arr[i] = sin(i * 1.7) * 100;
    }
    qsort(arr, 32, sizeof arr[0], cmp);
    for (int i = 0; i < 32; i += 4) {
        printf("%.6f %.6f %.6f %.6f\n", arr[i], arr[i + 1], arr[i + 2], arr[i + 3]);
    }
}

static void flushToZero(void) {
    uint64_t fpcr;
    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
    volatile double dmin = DBL_MIN, sub = 1e-310, three = 3;
    volatile float fsub = 1e-40f, fmin = FLT_MIN;
    feclearexcept(FE_ALL_EXCEPT);
    printf("no FZ: %a %a %a %a %s\n", dmin / three, sub * three, (double) (fsub * 2), (double) (fmin / 3), flags());
    __asm__ volatile("msr fpcr, %0" : : "r"(fpcr | (1u << 24)));
    feclearexcept(FE_ALL_EXCEPT);
    double a = dmin / three;
    printf("FZ: dmin/3 %a %s\n", a, flags());
    feclearexcept(FE_ALL_EXCEPT);
    a = sub * three;
    printf("FZ: sub*3 %a %s\n", a, flags());
    feclearexcept(FE_ALL_EXCEPT);
    float b = fsub * 2;
    printf("FZ: fsub*2 %a %s\n", (double) b, flags());
    feclearexcept(FE_ALL_EXCEPT);
    int c = sub > 0;
    printf("FZ: sub>0 %d %s\n", c, flags());
    uint64_t sr;
    __asm__ volatile("mrs %0, fpsr" : "=r"(sr));
    printf("FZ: fpsr %llx\n", (unsigned long long) sr);
    __asm__ volatile("msr fpcr, %0" : : "r"(fpcr | (1u << 25)));
    volatile double nan = NAN;
    double dn = nan + 1;
    uint64_t bits;
    memcpy(&bits, &dn, sizeof bits);
    printf("DN: %016llx\n", (unsigned long long) bits);
    __asm__ volatile("msr fpcr, %0" : : "r"(fpcr));
}

int main(void) {
    arithmetic();
    library();
    conversions();
    environment();
    specials();
    text();
    flushToZero();
    return 0;
}
