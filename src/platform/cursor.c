#include "platform/cursor.h"

#include <string.h>
#include <strings.h>

bool cursor_on_console(const char *video_driver)
{
    return video_driver && strcasecmp(video_driver, "kmsdrm") == 0;
}

bool cursor_shown_at_start(bool console)
{
    return !console;
}

bool cursor_shown_after_event(bool shown, bool console, const SDL_Event *ev)
{
    if (!console)
        return true;
    switch (ev->type) {
    case SDL_MOUSEMOTION:
        return ev->motion.which == SDL_TOUCH_MOUSEID ? false : true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        return ev->button.which == SDL_TOUCH_MOUSEID ? false : true;
    case SDL_MOUSEWHEEL:
        return ev->wheel.which == SDL_TOUCH_MOUSEID ? shown : true;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        return false;
    default:
        return shown;
    }
}

bool cursor_shown_after_screen(bool shown, bool console, const char *screen)
{
    if (!console)
        return true;
    if (screen && (strcmp(screen, "idle") == 0 || strcmp(screen, "night") == 0))
        return false;
    return shown;
}
