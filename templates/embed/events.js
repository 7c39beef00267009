{% autoescape off %}/*
 * The portal's events widget: the upcoming events of a local community (KS), a programme
 * or a community space, for any website. Embed it with a link and this script:
 *
 *   <a href="https://<portal>/golnik/dogodki/">Prihajajoči dogodki v KS Golnik</a>
 *   <script src="https://<portal>/embed/events.js" data-community="golnik" async></script>
 *
 * The link shows without JavaScript and whenever the events cannot be read; the widget
 * takes its place (and its text as its heading). How to use it: https://<portal>/api/vticnik/
 */
(() => {
    "use strict";

    const CONFIG = {{ config }};
{% verbatim %}
    const script = document.currentScript;
    if (!script || !script.src || !("attachShadow" in Element.prototype)) return;
    const origin = new URL(script.src).origin;
    const options = script.dataset;
    const TEXT = CONFIG.text;

    // Structural rules only: font, size and colour come from the host page. The widget
    // lives in a shadow root, so the host's rules cannot reach in, nor these out.
    const STYLE = `
        :host { display: block; }
        .widget { margin: 0; }
        .heading {
            font-size: var(--portal-events-heading-size, 1.25em);
            line-height: 1.3;
            margin: 0 0 0.5em;
        }
        .list { list-style: none; margin: 0; padding: 0; }
        .item {
            display: flex;
            flex-direction: column;
            gap: 0.15em;
            padding-block: var(--portal-events-gap, 0.75em);
            border-top: 1px solid var(--portal-events-border-color, rgb(128 128 128 / 0.4));
        }
        .item:first-child { border-top: 0; padding-top: 0; }
        a {
            color: var(--portal-events-link-color, inherit);
            text-decoration: underline;
            text-underline-offset: 0.15em;
        }
        a:hover { text-decoration-thickness: 2px; }
        a:focus-visible {
            outline: 2px solid var(--portal-events-focus-color, currentColor);
            outline-offset: 2px;
        }
        .title { font-weight: 600; }
        .status { font-weight: 700; }
        .more, .message { margin: 0.75em 0 0; }
        .message:first-child { margin-top: 0; }
    `;

    function element(name, attributes = {}, ...children) {
        const node = document.createElement(name);
        for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
        node.append(...children);
        return node;
    }

    function bounded(value, fallback, least, most) {
        const number = Number.parseInt(value, 10);
        return Number.isNaN(number) ? fallback : Math.min(most, Math.max(least, number));
    }

    // An address only if it is a web address: nothing else becomes a link.
    function webAddress(value) {
        try {
            const url = new URL(value, origin);
            return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
        } catch {
            return null;
        }
    }

    // --- Where it goes: into `data-target`, or in place of the link just before the script.

    function place() {
        const host = document.createElement("div");
        const target = options.target && document.getElementById(options.target);
        let fallback = null;
        if (target) {
            fallback = target.querySelector("a[href]");
            target.replaceChildren(host);
        } else {
            const before = script.previousElementSibling;
            if (before && before.matches("a[href]") && webAddress(before.href)) fallback = before;
            script.after(host);
        }
        // The link moves inside the widget: it shows (slotted) until the events come, and
        // again if they cannot be read.
        if (fallback) host.append(fallback);
        return {host, fallback};
    }

    // --- Dates in the portal's language and time zone ----------------------------------

    const zone = {timeZone: CONFIG.timeZone};
    const dayFormat = new Intl.DateTimeFormat(CONFIG.lang, {
        ...zone, weekday: "long", day: "numeric", month: "long",
    });
    const dayYearFormat = new Intl.DateTimeFormat(CONFIG.lang, {
        ...zone, weekday: "long", day: "numeric", month: "long", year: "numeric",
    });
    const timeFormat = new Intl.DateTimeFormat(CONFIG.lang, {
        ...zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    });
    const isoDayFormat = new Intl.DateTimeFormat("en-CA", {
        ...zone, year: "numeric", month: "2-digit", day: "2-digit",
    });
    const isoDay = (date) => isoDayFormat.format(date);
    const thisYear = isoDay(new Date()).slice(0, 4);
    // After a day's number Slovenian takes the month's genitive ("14. decembra"); the
    // browsers' Slovenian data has the nominative alone ("14. december").
    const GENITIVE = {
        januar: "januarja", februar: "februarja", marec: "marca", april: "aprila",
        maj: "maja", junij: "junija", julij: "julija", avgust: "avgusta",
        september: "septembra", oktober: "oktobra", november: "novembra", december: "decembra",
    };
    const dayText = (date) =>
        (isoDay(date).startsWith(thisYear) ? dayFormat : dayYearFormat)
            .formatToParts(date)
            .map(({type, value}) =>
                type === "month" && CONFIG.lang.startsWith("sl") ? GENITIVE[value] || value : value)
            .join("");
    // 17.00, as Slovenian writes the time of day.
    const timeText = (date) => timeFormat.format(date).replace(":", ".");
    const time = (datetime, text) => element("time", {datetime}, text);

    function when(item) {
        const start = new Date(item.start);
        const end = item.end ? new Date(item.end) : null;
        if (item.all_day) {
            // An all-day date ends at the midnight after its last day.
            const last = end ? new Date(end.getTime() - 1) : start;
            const days = [time(isoDay(start), dayText(start))];
            if (isoDay(last) !== isoDay(start)) days.push(" – ", time(isoDay(last), dayText(last)));
            return [...days, `, ${TEXT.allDay}`];
        }
        const parts = [time(item.start, `${dayText(start)}, ${timeText(start)}`)];
        if (end && isoDay(end) === isoDay(start)) {
            parts.push("–", time(item.end, timeText(end)));
        } else if (end) {
            parts.push(" – ", time(item.end, `${dayText(end)}, ${timeText(end)}`));
        }
        return parts;
    }

    // --- What it shows --------------------------------------------------------------------

    function status(item) {
        if (item.status.key !== "scheduled") return TEXT.status[item.status.key] || item.status.label;
        return item.moved ? TEXT.status.moved : null;
    }

    function eventItem(item) {
        const url = webAddress(item.url);
        const title = url
            ? element("a", {href: url, class: "title", part: "link"}, item.title)
            : element("span", {class: "title"}, item.title);
        const row = element("li", {class: "item", part: "item"}, title);
        const label = status(item);
        if (label) row.append(element("span", {class: "status", part: "status"}, label));
        row.append(element("span", {class: "when", part: "time"}, ...when(item)));
        const space = item.location.space;
        const where = space ? space.title : item.location.address;
        if (where) row.append(element("span", {class: "where", part: "place"}, where));
        return row;
    }

    function events(view, fallback, items) {
        const level = bounded(options.headingLevel, 2, 2, 6);
        const title = options.title || fallback?.textContent.trim() || TEXT.title;
        const section = element(
            "section",
            {class: "widget", "aria-labelledby": "heading", part: "widget"},
            element(`h${level}`, {id: "heading", class: "heading", part: "heading"}, title),
        );
        if (items.length) {
            section.append(element("ul", {class: "list", part: "list"}, ...items.map(eventItem)));
        } else {
            section.append(element("p", {class: "message", part: "empty"}, TEXT.empty));
        }
        const more = fallback && webAddress(fallback.href);
        if (more) {
            section.append(
                element("p", {class: "more", part: "more"}, element("a", {href: more}, TEXT.allEvents)),
            );
        }
        view.replaceChildren(section);
    }

    function failure(view, fallback) {
        const link = fallback
            ? element("slot")
            : element("a", {href: `${origin}/`}, TEXT.portal);
        view.replaceChildren(
            element("p", {class: "message", part: "error"}, TEXT.error),
            element("p", {class: "more"}, link),
        );
    }

    // --- Start ---------------------------------------------------------------------------

    const {host, fallback} = place();
    const root = host.attachShadow({mode: "open"});
    if ("adoptedStyleSheets" in root) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        root.adoptedStyleSheets = [sheet];
    } else {
        root.append(element("style", {}, STYLE));
    }
    const view = element("div", {lang: CONFIG.lang}, element("slot"));
    root.append(view);

    const query = new URLSearchParams({
        limit: bounded(options.limit, CONFIG.defaultLimit, 1, CONFIG.maxLimit),
    });
    for (const name of ["community", "programme", "space"]) {
        if (options[name]) query.set(name, options[name].trim());
    }
    fetch(`${origin}/api/v2/events/?${query}`, {
        credentials: "omit",
        headers: {Accept: "application/json"},
    })
        .then((response) => {
            if (!response.ok) throw new Error(`${response.status} ${response.url}`);
            return response.json();
        })
        .then((answer) => events(view, fallback, answer.items))
        .catch(() => failure(view, fallback));
{% endverbatim %}})();
{% endautoescape %}
