<?xml version="1.0" encoding="utf-8"?>
<!-- A feed opened in a browser, shown as a Dutch page: what a feed is, how to follow it, and its latest
     entries. Feed readers ignore this stylesheet. Every feed names it (templates/feed.xml.j2). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/a:feed">
    <html lang="nl">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="a:title"/> (feed)</title>
        <style>
          body { margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 42rem; font: 1rem/1.6 system-ui, sans-serif;
                 color: #1f1f1f; background: #fff; }
          h1 { font-size: 1.6rem; line-height: 1.3; font-weight: 400; }
          h2 { font-size: 1.2rem; margin-top: 2rem; }
          a { color: #154273; text-underline-offset: 0.15em; }
          a:focus-visible { outline: 0.15rem solid #a33f0b; outline-offset: 0.1rem; }
          .uitleg { padding: 0.8rem 1rem; background: #e8eef6; border-left: 0.3rem solid #154273; }
          code { overflow-wrap: anywhere; font-size: 0.9em; }
          ol { padding-left: 1.2rem; }
          li { margin-bottom: 0.6rem; }
          .datum { color: #595959; font-size: 0.9em; }
          @media (prefers-color-scheme: dark) {
            body { color: #e2e4e9; background: #1e2129; }
            a { color: #8cc4ff; }
            a:focus-visible { outline-color: #ffb070; }
            .uitleg { background: #252b38; border-left-color: #8cc4ff; }
            .datum { color: #b8bcc6; }
          }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="a:title"/></h1>
          <div class="uitleg">
            <p>Dit is een <strong>feed</strong>: een lijst van wat er nieuw is, die een feedlezer voor u bijhoudt.</p>
            <p>Zo volgt u hem: kopieer het adres van deze pagina uit de adresbalk van uw browser en voeg het toe in
              uw feedlezer (zoals Feedly, Inoreader, NetNewsWire of Thunderbird). Nieuwe documenten en alinea's
              verschijnen daar dan vanzelf.</p>
          </div>
          <p><a href="{a:link[@rel='alternate']/@href}">Naar de pagina op de site</a></p>
          <h2>Nieuwste berichten</h2>
          <ol>
            <xsl:for-each select="a:entry">
              <li>
                <a href="{a:link[@rel='alternate']/@href}"><xsl:value-of select="a:title"/></a>
                <br/><span class="datum">Datum in de feed: <xsl:value-of select="substring(a:updated, 1, 10)"/></span>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
