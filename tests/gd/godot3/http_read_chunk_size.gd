extends SceneTree
# read_chunk_size bounds each read_response_body_chunk(); a chunked body comes
# back one HTTP chunk at a time.

const Util = preload("res://http_util.helper.gd")


func chunk_sizes(client):
	var sizes = []
	for i in range(Util.MAX_POLLS):
		if client.get_status() != HTTPClient.STATUS_BODY:
			break
		client.poll()
		var chunk = client.read_response_body_chunk()
		if chunk.size() > 0:
			sizes.append(chunk.size())
		else:
			OS.delay_msec(1)
	return sizes


func _init():
	var client = Util.open()
	print("default: ", client.get_read_chunk_size())
	print("property: ", client.read_chunk_size)
	for size in [8, 300, 4096]:
		client.set_read_chunk_size(size)
		print("set ", size, ": ", client.get_read_chunk_size())
		Util.send(client, HTTPClient.METHOD_GET, "/big")
		print("content-length body: ", chunk_sizes(client))
		Util.send(client, HTTPClient.METHOD_GET, "/chunked")
		print("chunked body: ", chunk_sizes(client))
	quit()
