import { useTranslation } from "~/utils/use-translation";
import { useNonce } from "~/utils/nonce";

/**
 * Someone reporting a smuggler may be watched over their shoulder. The button leaves at once for
 * a site that gives nothing away (through /exit, see routes/exit.tsx); with JavaScript it also
 * replaces this page in the history (so Back does not return here) and Escape pressed twice does
 * the same. Without JavaScript it is a plain link.
 */
// Kept tiny and inline: report pages ship no other script.
const SCRIPT = `(function(){var a=document.getElementById("quick-exit");if(!a)return;function go(e){if(e)e.preventDefault();document.body.hidden=true;location.replace(a.href)}a.addEventListener("click",go);var last=0;document.addEventListener("keydown",function(e){if(e.key!=="Escape")return;var now=Date.now();if(now-last<1500)go();last=now})})();`;

export function QuickExit() {
  const { t } = useTranslation("report");
  const nonce = useNonce();
  return (
    <div className="quick-exit">
      <a id="quick-exit" href="/exit" className="button button--warning quick-exit__button" rel="noreferrer">
        {t("quickExit.label")}
      </a>
      <p className="quick-exit__hint">{t("quickExit.hint")}</p>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} />
    </div>
  );
}
