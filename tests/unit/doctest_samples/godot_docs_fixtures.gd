# Fixtures for validating Godot's documentation (/work/shared/docs, /work/shared/seeds):
#     gdscript doctest --offline --fixtures tests/unit/doctest_samples/godot_docs_fixtures.gd PATH...
# Each `var NAME = EXPR` gives a name that a page uses without defining it (the page defines
# it in its surrounding prose or an earlier example); it is added only to a block that uses
# the name and does not declare it.  The functions and classes below are helpers, added to a
# block that uses their name.  Values are ordinary ones the prose implies, so the blocks'
# own claims are still checked against what they really print.

# class_httpclient / HTTPClient.xml query_string_from_dict examples: "http_client" is the
# HTTPClient of the page's main example.  The 3.x seed page spells it httpClient.
var http_client = HTTPClient.new()
var httpClient = HTTPClient.new()

# @GDScript.xml is_instance_of: "a" is any value being tested.
var a = 42

# @GlobalScope.xml wrapf / wrapi: the variable being wrapped each frame.
var value = 5.0
var angle = 0.0
var frame = 5

# @GlobalScope.xml PROPERTY_HINT_TYPE_STRING: the parts of a hint string.
var hint_string = ""
var elem_type = TYPE_INT
var elem_hint = PROPERTY_HINT_RANGE
var elem_hint_string = "1,10,1"

# JSON.xml parse_string: the text being parsed.
var json_string = "{\"name\": \"Godot\", \"version\": 4}"

# http_request_class.rst (4.x) "Sending data to the server": the data and the address.
var data_to_send = {"name": "Godot"}
var url = "http://example.com/api"


# @GlobalScope.xml Error: "a method that returns an Error".
func method_that_returns_error():
	return FAILED


# @GDScript.xml is_instance_of: a user class with an inner class.
class MyClass:
	class InnerClass:
		pass


# StreamPeer.xml put_string / put_utf8_string notes call put_data() on the StreamPeer the
# description is about: forward to a real one.
func put_data(data):
	return StreamPeerTCP.new().put_data(data)
