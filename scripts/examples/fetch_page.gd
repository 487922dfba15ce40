# Fetch a page with HTTPClient, polling it the way Godot's tutorial does.
# Run: gdscript run --offline scripts/examples/fetch_page.gd [-- URL_HOST PATH]
extends SceneTree

func _init():
	var args = OS.get_cmdline_user_args()
	var host = args[0] if args.size() > 0 else "https://example.com"
	var path = args[1] if args.size() > 1 else "/get?from=gdscript"
	var http = HTTPClient.new()
	var err = http.connect_to_host(host)
	if err != OK:
		printerr("connect_to_host failed: ", error_string(err))
		quit(1)
		return
	while http.get_status() == HTTPClient.STATUS_CONNECTING or http.get_status() == HTTPClient.STATUS_RESOLVING:
		http.poll()
		await process_frame
	if http.get_status() != HTTPClient.STATUS_CONNECTED:
		printerr("could not connect, status ", http.get_status())
		quit(1)
		return
	http.request(HTTPClient.METHOD_GET, path, ["User-Agent: gdscript-example"])
	while http.get_status() == HTTPClient.STATUS_REQUESTING:
		http.poll()
		await process_frame
	print("response code: ", http.get_response_code())
	var body = PackedByteArray()
	while http.get_status() == HTTPClient.STATUS_BODY:
		http.poll()
		var chunk = http.read_response_body_chunk()
		if chunk.size() == 0:
			await process_frame
		else:
			body = body + chunk
	print("bytes: ", body.size())
	print(body.get_string_from_utf8())
	quit()
