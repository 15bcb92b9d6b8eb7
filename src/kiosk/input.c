#include "kiosk/input.h"

#include <stdio.h>
#include <string.h>

void input_set_hints(void)
{
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
}

static int scale(int v, int from, int to)
{
    return from > 0 ? (int)((long)v * to / from) : v;
}

bool input_translate(input_state *st, const SDL_Event *ev, int win_w, int win_h, int out_w,
                     int out_h, ui_input *out)
{
    memset(out, 0, sizeof *out);
    switch (ev->type) {
    case SDL_FINGERDOWN:
        if (st->finger_down || st->mouse_down)
            return false;
        st->finger_down = true;
        st->finger = ev->tfinger.fingerId;
        out->kind = UI_IN_DOWN;
        break;
    case SDL_FINGERMOTION:
        if (!st->finger_down || ev->tfinger.fingerId != st->finger)
            return false;
        out->kind = UI_IN_MOVE;
        break;
    case SDL_FINGERUP:
        if (!st->finger_down || ev->tfinger.fingerId != st->finger)
            return false;
        st->finger_down = false;
        out->kind = UI_IN_UP;
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT ||
            st->finger_down || st->mouse_down)
            return false;
        st->mouse_down = true;
        out->kind = UI_IN_DOWN;
        out->x = scale(ev->button.x, win_w, out_w);
        out->y = scale(ev->button.y, win_h, out_h);
        return true;
    case SDL_MOUSEMOTION:
        if (ev->motion.which == SDL_TOUCH_MOUSEID || !st->mouse_down)
            return false;
        out->kind = UI_IN_MOVE;
        out->x = scale(ev->motion.x, win_w, out_w);
        out->y = scale(ev->motion.y, win_h, out_h);
        return true;
    case SDL_MOUSEBUTTONUP:
        if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT ||
            !st->mouse_down)
            return false;
        st->mouse_down = false;
        out->kind = UI_IN_UP;
        out->x = scale(ev->button.x, win_w, out_w);
        out->y = scale(ev->button.y, win_h, out_h);
        return true;
    case SDL_MOUSEWHEEL:
        if (ev->wheel.which == SDL_TOUCH_MOUSEID)
            return false;
        out->kind = UI_IN_WHEEL;
        out->dy = ev->wheel.y;
        return true;
    case SDL_TEXTINPUT:
        out->kind = UI_IN_TEXT;
        snprintf(out->text, sizeof out->text, "%s", ev->text.text);
        return true;
    case SDL_KEYDOWN:
        if (ev->key.keysym.sym != SDLK_ESCAPE)
            return false;
        out->kind = UI_IN_KEY_BACK;
        return true;
    case SDL_WINDOWEVENT:
        if (ev->window.event != SDL_WINDOWEVENT_LEAVE || !st->mouse_down)
            return false;
        st->mouse_down = false;
        out->kind = UI_IN_CANCEL;
        return true;
    default:
        return false;
    }
    /* Finger coordinates are 0..1 of the window (SDL2); map them to drawable pixels. */
    out->x = (int)(ev->tfinger.x * (float)out_w);
    out->y = (int)(ev->tfinger.y * (float)out_h);
    (void)win_w;
    (void)win_h;
    return true;
}
