/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The proposal page, in five files: proposal_page.c (the steps, the
 * proposal, the votes, the Region's answer), thread_tree.c (the page of
 * the thread's rows as a tree), proposal_thread.c (the arguments and the
 * threaded comments, with their forms), thread_pages.c (the thread's
 * pages: cursors, links, counts) and proposal_archive.c (what an archived
 * proposal shows instead: the source platform's tallies). They share the
 * rows and this view.
 */

#ifndef AGORA_WEB_PARTICIPATION_PROPOSAL_H
#define AGORA_WEB_PARTICIPATION_PROPOSAL_H

#include "participation.h"

/* The page's result slots. */
enum { Q_PROPOSAL, Q_THREAD, Q_ANSWER, Q_ARCHIVE, Q_ARCHIVE_THREAD,
    Q_FOLLOW, Q_CITED, Q_COUNTS };

#define THREAD_PAGE	20	/* top-level rows of a list on one page */
#define THREAD_REPLIES	10	/* replies shown under each of them */
#define THREAD_MAX	2000	/* replies of the one row shown in full */

/* The thread's lists, each paged on its own (?pour=, ?contre=, ...). */
enum { LIST_POUR, LIST_CONTRE, LIST_COMMENTS, LIST__MAX };

/* Where a list's page starts: its cursor, and what the page holds. */
struct thread_list {
	int		 mode;		/* CUR_* */
	long long	 cur;		/* the cursor's row, or 0 */
	long long	 first_id;	/* first row shown, or 0 */
	long long	 next_id;	/* first row of the next page, or 0 */
	int		 first;		/* its 1-based place in the list */
	int		 total;		/* rows of the list */
	int		 shown;		/* rows on this page */
};
enum { CUR_FIRST, CUR_FROM, CUR_BEFORE, CUR_SEE, CUR__MAX };
extern const char	*const thread_cursor_code[CUR__MAX];

/* "<what> citée dans la synthèse" for contribution id, if it is. */
void	proposal_cited_write(struct web_req *, long long, const char *);

/* The arguments' orders (?tri=), codes in thread_sort_code[]. */
enum { THREAD_SORT_DATE, THREAD_SORT_USEFUL, THREAD_SORT__MAX };
extern const char	*const thread_sort_code[THREAD_SORT__MAX];

/* What the page may offer this visitor, and the thread as a tree. */
struct proposal_view {
	long long		 id;
	int			 status;	/* ST_*, vocab.h */
	int			 mine;		/* the visitor wrote it */
	int			 archived;	/* imported: source tallies */
	int			 can_act;	/* open, published, verified */
	int			 withdrawn;	/* by its author: closed */
	int			 sort;		/* THREAD_SORT_* */
	int			 npour, ncontre, ncomments;
	struct part_limits	 lim;
	int			 n;		/* rows of the thread shown */
	int			*kind;		/* [n]: KIND_* */
	int			*status_of;	/* [n]: ST_* */
	int			*first;		/* [n + 1]: first child; n: root */
	int			*last;		/* [n + 1]: last child */
	int			*next;		/* [n]: next sibling */
	/* Written so far, per position and comments: the controls' names. */
	int			 shown[POS__MAX + 1];
	struct thread_list	 list[LIST__MAX];
	long long		 see;		/* ?voir=: a row to land on */
	long long		 expand;	/* ?reponses=: all its replies */
};

/* thread_tree.c */
void	thread_build(struct web_req *, struct proposal_view *);
int	thread_row_position(struct web_req *, int);

/* proposal_thread.c */
void	thread_write(struct web_req *, struct proposal_view *);

/* thread_pages.c */
/* Reads ?pour= ?contre= ?commentaires= ?voir= ?reponses=: 0, or -1. */
int	thread_pages_parse(struct web_req *, struct proposal_view *);
/* Queues the page of the thread and its counts (Q_THREAD, Q_COUNTS). */
int	thread_pages_ask(struct web_req *, struct proposal_view *);
/* "n arguments pour, affichés a à b" and the links to the other pages. */
void	thread_pages_nav(struct web_req *, struct proposal_view *, int);
/* The link to all the replies of top-level row r, when some are not shown. */
void	thread_replies_link(struct web_req *, struct proposal_view *, int);
/* " · Signaler" for a published text of someone else. */
void	proposal_flag_link(struct web_req *, long long, int, const char *);

/* proposal_page.c: the text and its link, closing the article. */
void	proposal_body(struct web_req *);

/* proposal_archive.c */
void	archive_proposal_head(struct web_req *);
void	archive_proposal_tallies(struct web_req *);
/* The source's position of a comment, and the votes of an argument. */
void	archive_comment_alignment(struct web_req *, int);
void	archive_argument_votes(struct web_req *, int);

#endif
