/* bench_xwatch: when does an X screen show its finished first picture?
 *
 * Polls the root window of $DISPLAY with XGetImage every INTERVAL_MS for DURATION_MS and
 * prints one line per change of the picture: the CLOCK_MONOTONIC time in nanoseconds (the
 * clock python's time.monotonic() reads) and a checksum of the pixels, then "end" and the
 * checksum of the last picture. bench.py starts it before it starts a kiosk (Vær med or
 * Chromium) and takes the first time at which the screen already showed the last picture:
 * the moment a resident would see the whole first screen, measured the same way for both,
 * from outside. A square of CORNER pixels at the bottom right (where the pointer is parked)
 * is left out of the checksum.
 *
 * usage: bench_xwatch DURATION_MS INTERVAL_MS [CORNER]
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static uint64_t checksum(XImage *img, int corner)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a over the pixel values */
    for (int y = 0; y < img->height; y++)
        for (int x = 0; x < img->width; x++) {
            if (x >= img->width - corner && y >= img->height - corner)
                continue;
            unsigned long p = XGetPixel(img, x, y) & 0xFFFFFFul;
            for (int k = 0; k < 3; k++) {
                h ^= (p >> (8 * k)) & 0xFF;
                h *= 1099511628211ull;
            }
        }
    return h;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_xwatch DURATION_MS INTERVAL_MS [CORNER]\n");
        return 2;
    }
    long duration = atol(argv[1]), interval = atol(argv[2]);
    int corner = argc > 3 ? atoi(argv[3]) : 24;
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "bench_xwatch: no X display\n");
        return 1;
    }
    Window root = DefaultRootWindow(d);
    XWindowAttributes wa;
    XGetWindowAttributes(d, root, &wa);
    int64_t start = now_ns(), end = start + (int64_t)duration * 1000000;
    uint64_t last = 0;
    int first = 1;
    printf("ready %lld\n", (long long)start);
    fflush(stdout);
    while (now_ns() < end) {
        int64_t t = now_ns();
        XImage *img = XGetImage(d, root, 0, 0, (unsigned)wa.width, (unsigned)wa.height,
                                AllPlanes, ZPixmap);
        if (img) {
            uint64_t h = checksum(img, corner);
            XDestroyImage(img);
            if (first || h != last) {
                printf("%lld %016llx\n", (long long)t, (unsigned long long)h);
                fflush(stdout);
            }
            first = 0;
            last = h;
        }
        struct timespec pause = {0, interval * 1000000};
        nanosleep(&pause, NULL);
    }
    printf("end %016llx\n", (unsigned long long)last);
    XCloseDisplay(d);
    return 0;
}
