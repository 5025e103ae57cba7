/* Lua 5.4 for Swift: the headers, plus static inline wrappers for the C macros Swift cannot
 * import, plus the trampoline that lets Swift functions raise Lua errors without a longjmp
 * ever crossing a Swift frame. */
#ifndef BENCH_CLUA_SHIM_H
#define BENCH_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <poll.h>
#include <string.h>

static inline int bench_lua_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline int bench_lua_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline void bench_lua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void bench_lua_newtable(lua_State *L) { lua_newtable(L); }
static inline void bench_lua_insert(lua_State *L, int idx) { lua_insert(L, idx); }
static inline void bench_lua_remove(lua_State *L, int idx) { lua_remove(L, idx); }
static inline const char *bench_lua_tostring(lua_State *L, int idx) { return lua_tostring(L, idx); }
static inline int bench_lua_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}
/* bench runs Lua source only: a precompiled chunk is not checked by Lua's loader, and a mutated
 * one crashes the VM. Mode "t" for the script itself and for everything below. The script's
 * own bytes are read once (a pipe cannot be read twice) and loaded as source named `name`
 * ("@path", so that messages say path:line). */
static inline int bench_lual_loadbuffer(lua_State *L, const char *bytes, size_t length, const char *name) {
    return luaL_loadbufferx(L, bytes, length, name, "t");
}

/* What a Swift function registered through bench_lua_push_swift_function returns instead of a
 * result count when it failed. The trampoline below turns it into a Lua error, so the longjmp
 * starts in C after the Swift frame has returned. */
enum {
    /* Error message on top of the stack; the trampoline prefixes the caller's "file:line:". */
    BENCH_LUA_RAISE = -1,
    /* Error value on top of the stack, raised as it is (no position added). */
    BENCH_LUA_RAISE_VALUE = -2,
    /* BENCH_LUA_ARGERROR_BASE - n: argument n is bad, the detail message is on top of the stack;
     * raised through luaL_argerror, so the message reads "bad argument #n to 'f' (detail)". */
    BENCH_LUA_ARGERROR_BASE = -1000,
};

typedef int (*bench_swift_function)(lua_State *L);

static int bench_lua_trampoline(lua_State *L) {
    bench_swift_function fn = (bench_swift_function)lua_touserdata(L, lua_upvalueindex(1));
    int n = fn(L);
    if (n >= 0) return n;
    if (n == BENCH_LUA_RAISE) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    }
    if (n == BENCH_LUA_RAISE_VALUE) return lua_error(L);
    return luaL_argerror(L, BENCH_LUA_ARGERROR_BASE - n, lua_tostring(L, -1));
}

/* Pushes a Lua function that calls `fn` through the trampoline; `context` is upvalue 2. */
static inline void bench_lua_push_swift_function(lua_State *L, bench_swift_function fn, void *context) {
    lua_pushlightuserdata(L, (void *)fn);
    lua_pushlightuserdata(L, context);
    lua_pushcclosure(L, bench_lua_trampoline, 2);
}

/* Message handler for lua_pcall: a string error gets a traceback, and so does any other value
 * but the host's exit sentinel (a light userdata), passed through untouched so the host can
 * recognise it. A value with no __tostring is named by its type, at the first line of Lua
 * code on the stack, since `error({code = 1})` carries no position of its own. */
static int bench_lua_traceback(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL && lua_type(L, 1) == LUA_TLIGHTUSERDATA) { lua_settop(L, 1); return 1; }
    if (msg == NULL && luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) msg = lua_tostring(L, -1);
    if (msg == NULL) {
        lua_Debug ar;
        const char *where = "";
        for (int level = 1; lua_getstack(L, level, &ar); level++) {
            if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
                where = lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
                break;
            }
        }
        msg = lua_pushfstring(L, "%serror raised with a %s value, not a message (give error() a string, or a "
                              "value whose metatable has __tostring)", where, luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static inline void bench_lua_push_traceback_handler(lua_State *L) { lua_pushcfunction(L, bench_lua_traceback); }

/* What the hook below watches, shared by every coroutine of a state: the state's extra space
 * holds a pointer to it (coroutines copy the pointer), and it lives in a userdata the registry
 * keeps, so exactly as long as the state. */
typedef struct bench_lua_watch {
    int cancel_fd; /* a cancellation's eventfd (-1: none): readable once the run is interrupted */
    int exiting;   /* set by os.exit and bench.fail: the script must unwind, whatever it catches */
} bench_lua_watch;

static inline bench_lua_watch *bench_lua_get_watch(lua_State *L) { return *(bench_lua_watch **)lua_getextraspace(L); }

/* Every 10,000 VM instructions (every instruction once exiting) the hook polls the descriptor
 * and raises "interrupted" once it is readable, so Ctrl-C stops even `while true do end`; once
 * the script asked to exit it raises the exit sentinel again, so that a pcall which caught the
 * exit cannot keep the script running. The poll costs well under 1 % of a busy loop. */
static void bench_lua_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    bench_lua_watch *w = bench_lua_get_watch(L);
    if (w == NULL) return;
    if (w->exiting) {
        lua_pushlightuserdata(L, w);
        lua_error(L);
    }
    struct pollfd p = {.fd = w->cancel_fd, .events = POLLIN};
    if (p.fd >= 0 && poll(&p, 1, 0) > 0) luaL_error(L, "interrupted");
}

/* Creates the state's watch (no cancellation, not exiting) and starts the hook. */
static inline void bench_lua_install_watch(lua_State *L) {
    bench_lua_watch *w = (bench_lua_watch *)lua_newuserdatauv(L, sizeof(bench_lua_watch), 0);
    w->cancel_fd = -1;
    w->exiting = 0;
    luaL_ref(L, LUA_REGISTRYINDEX);
    *(bench_lua_watch **)lua_getextraspace(L) = w;
    lua_sethook(L, bench_lua_hook, LUA_MASKCOUNT, 10000);
}

/* Starts watching `fd` for interrupts (-1: stops). */
static inline void bench_lua_watch_interrupts(lua_State *L, int fd) { bench_lua_get_watch(L)->cancel_fd = fd; }

/* Marks the state as exiting, and makes the hook fire at every instruction of this coroutine and
 * of the main thread, so the exit sentinel reaches the host whatever the script catches. */
static inline void bench_lua_begin_exit(lua_State *L) {
    bench_lua_get_watch(L)->exiting = 1;
    lua_sethook(L, bench_lua_hook, LUA_MASKCOUNT, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
    lua_sethook(lua_tothread(L, -1), bench_lua_hook, LUA_MASKCOUNT, 1);
    lua_pop(L, 1);
}

/* load, loadfile and dofile as Lua's base library has them, but for source text only: a mode
 * asking for binary chunks gets nil and a message, as Lua answers a mode it cannot honour. */
static const char *bench_lua_chunk_mode(lua_State *L, int arg) {
    const char *mode = luaL_optstring(L, arg, "t");
    return strchr(mode, 't') ? "t" : NULL;
}

/* What load and loadfile answer when asked for binary chunks only: nil and why. */
static int bench_lua_refuse_binary(lua_State *L) {
    luaL_pushfail(L);
    lua_pushliteral(L, "bench loads Lua source only: binary chunks are refused");
    return 2;
}

static int bench_lua_load_result(lua_State *L, int status, int env) {
    if (status != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (env != 0) {
        lua_pushvalue(L, env);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    }
    return 1;
}

static const char *bench_lua_reader(lua_State *L, void *ud, size_t *size) {
    (void)ud;
    luaL_checkstack(L, 2, "too many nested functions");
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        *size = 0;
        return NULL;
    }
    if (!lua_isstring(L, -1)) luaL_error(L, "reader function must return a string");
    lua_replace(L, 5); /* keeps the piece alive while Lua reads it */
    return lua_tolstring(L, 5, size);
}

static int bench_lua_load(lua_State *L) {
    size_t length;
    const char *text = lua_tolstring(L, 1, &length);
    const char *mode = bench_lua_chunk_mode(L, 3);
    int env = !lua_isnone(L, 4) ? 4 : 0;
    if (mode == NULL) return bench_lua_refuse_binary(L);
    int status;
    if (text != NULL) {
        const char *name = luaL_optstring(L, 2, text);
        status = luaL_loadbufferx(L, text, length, name, mode);
    } else {
        const char *name = luaL_optstring(L, 2, "=(load)");
        luaL_checktype(L, 1, LUA_TFUNCTION);
        lua_settop(L, 5);
        status = lua_load(L, bench_lua_reader, NULL, name, mode);
    }
    return bench_lua_load_result(L, status, env);
}

static int bench_lua_loadfile(lua_State *L) {
    const char *path = luaL_optstring(L, 1, NULL);
    const char *mode = bench_lua_chunk_mode(L, 2);
    int env = !lua_isnone(L, 3) ? 3 : 0;
    if (mode == NULL) return bench_lua_refuse_binary(L);
    return bench_lua_load_result(L, luaL_loadfilex(L, path, mode), env);
}

static int bench_lua_dofile_continue(lua_State *L, int status, lua_KContext context) {
    (void)status;
    (void)context;
    return lua_gettop(L) - 1;
}

static int bench_lua_dofile(lua_State *L) {
    const char *path = luaL_optstring(L, 1, NULL);
    lua_settop(L, 1);
    if (luaL_loadfilex(L, path, "t") != LUA_OK) return lua_error(L);
    lua_callk(L, 0, LUA_MULTRET, 0, bench_lua_dofile_continue);
    return bench_lua_dofile_continue(L, 0, 0);
}

/* package.searchers[2], the searcher for Lua files, loading source only. */
static int bench_lua_search_source(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "path");
    const char *path = lua_tostring(L, -1);
    if (path == NULL) luaL_error(L, "'package.path' must be a string");
    lua_getfield(L, -2, "searchpath");
    lua_pushstring(L, name);
    lua_pushstring(L, path);
    lua_call(L, 2, 2);
    if (lua_isnil(L, -2)) return 1; /* the message: which files it tried */
    const char *file = lua_tostring(L, -2);
    if (luaL_loadfilex(L, file, "t") != LUA_OK) {
        return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, file, lua_tostring(L, -1));
    }
    lua_pushstring(L, file);
    return 2;
}

/* Replaces load, loadfile, dofile and the Lua-file searcher of `require` with the above. */
static inline void bench_lua_source_only(lua_State *L) {
    lua_pushcfunction(L, bench_lua_load);
    lua_setglobal(L, "load");
    lua_pushcfunction(L, bench_lua_loadfile);
    lua_setglobal(L, "loadfile");
    lua_pushcfunction(L, bench_lua_dofile);
    lua_setglobal(L, "dofile");
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "searchers");
    lua_pushcfunction(L, bench_lua_search_source);
    lua_rawseti(L, -2, 2);
    lua_pop(L, 2);
}

#endif
