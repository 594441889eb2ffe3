<?cs # footer.cs - the bottom of every page: the association's name and address. ?>
</div>
</main>
<footer class="site">
<div class="wrap">
<p><strong><?cs if:Site.Name ?><?cs var:Site.Name ?><?cs else ?><?cs var:L.site.name ?><?cs /if ?></strong></p>
<?cs if:Site.Address ?><p><?cs var:L.footer.address ?>: <?cs var:Site.Address ?></p><?cs /if ?>
</div>
</footer>
</body>
</html>
