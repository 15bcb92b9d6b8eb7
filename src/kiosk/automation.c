#include "kiosk/automation.h"
#include "platform/logmsg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/waiter.h"

struct automation {
    struct waiter *wake;
    SDL_Thread *thread;
    SDL_sem *handled;
    Uint32 event_type;
    FILE *in;
    SDL_atomic_t stop;
};

static bool parse(const char *line, auto_cmd *c)
{
    char word[32];
    int used = 0;
    memset(c, 0, sizeof *c);
    if (sscanf(line, "%31s %n", word, &used) != 1)
        return false;
    const char *rest = line + used;
    if (strcmp(word, "tap") == 0 || strcmp(word, "down") == 0 || strcmp(word, "move") == 0 ||
        strcmp(word, "up") == 0) {
        c->kind = word[0] == 't' ? AUTO_TAP : word[0] == 'd' ? AUTO_DOWN
                : word[0] == 'm' ? AUTO_MOVE : AUTO_UP;
        return sscanf(rest, "%d %d", &c->x, &c->y) == 2;
    }
    if (strcmp(word, "tap-id") == 0 || strcmp(word, "text") == 0) {
        c->kind = word[1] == 'a' ? AUTO_TAP_ID : AUTO_TEXT;
        snprintf(c->arg, sizeof c->arg, "%s", rest);
        c->arg[strcspn(c->arg, "\r\n")] = '\0';
        return c->arg[0] != '\0';
    }
    if (strcmp(word, "hold-id") == 0) {
        c->kind = AUTO_HOLD_ID;
        return sscanf(rest, "%255s %ld", c->arg, &c->seconds) == 2 && c->seconds >= 0;
    }
    if (strcmp(word, "advance") == 0) {
        c->kind = AUTO_ADVANCE;
        return sscanf(rest, "%ld", &c->seconds) == 1 && c->seconds >= 0;
    }
    if (strcmp(word, "quit") == 0) {
        c->kind = AUTO_QUIT;
        return true;
    }
    return false;
}

static int reader(void *data)
{
    automation *a = data;
    char line[512];
    while (!SDL_AtomicGet(&a->stop) && fgets(line, sizeof line, a->in)) {
        char *s = line + strspn(line, " \t");
        if (*s == '#' || *s == '\n' || *s == '\0')
            continue;
        long ms;
        if (sscanf(s, "wait %ld", &ms) == 1) {
            SDL_Delay(ms > 0 ? (Uint32)ms : 0);
            continue;
        }
        auto_cmd *cmd = malloc(sizeof *cmd);
        if (!cmd)
            break;
        if (!parse(s, cmd)) {
            logmsg(LOG_WARNING, "automation: I do not understand '%s'",
                    strtok(s, "\r\n") ? s : "");
            free(cmd);
            continue;
        }
        SDL_Event ev = {0};
        ev.type = a->event_type;
        ev.user.data1 = cmd;
        bool quit = cmd->kind == AUTO_QUIT; /* the loop frees cmd once handled */
        if (SDL_PushEvent(&ev) != 1) {
            free(cmd);
            break;
        }
        waiter_wake(a->wake);
        SDL_SemWait(a->handled);
        if (quit)
            break;
    }
    return 0;
}

automation *automation_start(const char *path, struct waiter *wake)
{
    automation *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->wake = wake;
    a->in = fopen(path, "r");
    a->handled = SDL_CreateSemaphore(0);
    a->event_type = SDL_RegisterEvents(1);
    if (!a->in || !a->handled || a->event_type == (Uint32)-1) {
        logmsg(LOG_WARNING, "cannot read the automation script %s", path);
        automation_stop(a);
        return NULL;
    }
    a->thread = SDL_CreateThread(reader, "automation", a);
    if (!a->thread) {
        automation_stop(a);
        return NULL;
    }
    return a;
}

Uint32 automation_event_type(const automation *a)
{
    return a ? a->event_type : (Uint32)-1;
}

void automation_done(automation *a, auto_cmd *cmd)
{
    free(cmd);
    SDL_SemPost(a->handled);
}

void automation_stop(automation *a)
{
    if (!a)
        return;
    SDL_AtomicSet(&a->stop, 1);
    if (a->thread) {
        /* The reader may be waiting for a command the loop will no longer handle. */
        SDL_SemPost(a->handled);
        SDL_WaitThread(a->thread, NULL);
    }
    /* Commands still queued as events are dropped with the event queue at SDL_Quit; free
     * those we can still see. */
    SDL_Event ev;
    while (a->event_type != (Uint32)-1 &&
           SDL_PeepEvents(&ev, 1, SDL_GETEVENT, a->event_type, a->event_type) == 1)
        free(ev.user.data1);
    if (a->handled)
        SDL_DestroySemaphore(a->handled);
    if (a->in)
        fclose(a->in);
    free(a);
}
