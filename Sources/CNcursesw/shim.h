#ifndef CHARGELOG_CNCURSESW_SHIM_H
#define CHARGELOG_CNCURSESW_SHIM_H
/* SwiftPM drops pkg-config Cflags, so the wide-character switch is set here. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

/* Macros and C globals that Swift 6 cannot import or refuses as unsafe. */
static inline WINDOW *cl_stdscr(void) { return stdscr; }
static inline int cl_lines(void) { return LINES; }
static inline int cl_cols(void) { return COLS; }
static inline int cl_colors(void) { return COLORS; }
static inline int cl_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cl_a_bold(void) { return A_BOLD; }
static inline attr_t cl_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cl_a_reverse(void) { return A_REVERSE; }
static inline attr_t cl_a_dim(void) { return A_DIM; }
static inline attr_t cl_a_normal(void) { return A_NORMAL; }
static inline int cl_key_resize(void) { return KEY_RESIZE; }
static inline int cl_key_mouse(void) { return KEY_MOUSE; }
static inline int cl_err(void) { return ERR; }
static inline int cl_ok(void) { return OK; }
static inline int cl_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t cl_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t cl_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline mmask_t cl_button4_pressed(void) { return BUTTON4_PRESSED; }
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t cl_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t cl_button5_pressed(void) { return 0; }
#endif
/* Opens the terminal without exiting on an unknown TERM (initscr would): NULL on failure. */
#include <stdio.h>
static inline SCREEN *cl_newterm(void) { return newterm(NULL, stdout, stdin); }

/* Draws one cell: a spacing character plus up to four combining characters, with attributes and a
   colour pair. */
static inline int cl_put_cell(int y, int x, const wchar_t *wcs, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wcs, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cc);
}

static inline int cl_key_f0(void) { return KEY_F0; }
static inline mmask_t cl_button1_released(void) { return BUTTON1_RELEASED; }
#endif
